package dev.deepbuild.build.io;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * Writes a file so that readers see either the old file or the complete new one: the content goes
 * to a temporary file in the same directory, is forced to the disk, and then replaces the target in
 * one rename (without the force, a power loss could leave the renamed file empty). On failure the
 * target is untouched, the temporary file is deleted, and the failure is what the caller sees.
 */
public final class AtomicFiles {
  /** Writes the content of a file at the path it is given. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Path file) throws IOException;
  }

  private AtomicFiles() {}

  /** Writes {@code target} atomically, creating its directory if needed. */
  public static void write(Path target, Content content) throws IOException {
    Path absolute = target.toAbsolutePath();
    Files.createDirectories(absolute.getParent());
    // A hidden name unique to this write; the writer creates the file with the usual permissions.
    Path temporary = absolute.resolveSibling("." + absolute.getFileName() + "." + UUID.randomUUID() + ".tmp");
    try {
      content.writeTo(temporary);
      force(temporary);
      move(temporary, absolute);
    } catch (IOException | RuntimeException | Error e) {
      try {
        Files.deleteIfExists(temporary);
      } catch (IOException cleanup) {
        // The write's own failure is the one to report.
        e.addSuppressed(cleanup);
      }
      throw e;
    }
    forceDirectory(absolute.getParent());
  }

  /** Makes the rename itself durable where the OS allows it; Windows cannot open a directory. */
  private static void forceDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException unsupported) {
      // The file is complete and in place; only its survival of a power loss is less certain.
    }
  }

  private static void force(Path file) throws IOException {
    try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
      channel.force(true);
    }
  }

  private static void move(Path source, Path target) throws IOException {
    try {
      Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}

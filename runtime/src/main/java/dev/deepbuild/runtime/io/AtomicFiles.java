package dev.deepbuild.runtime.io;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.UUID;

/**
 * Writes a file so that readers see either the old file or the complete new one: the content goes
 * to a temporary file in the same directory, which then replaces the target in one rename. On
 * failure the target is untouched and the temporary file is deleted.
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
      move(temporary, absolute);
    } finally {
      Files.deleteIfExists(temporary);
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

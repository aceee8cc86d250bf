package dev.deepbuild.runtime.datasets.fetch;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, for this JVM, the files whose SHA-512 matched, so a tarball of tens of megabytes is
 * hashed once per process rather than on every use. A file replaced or rewritten since (another
 * size or modification time) is hashed again.
 */
final class VerifiedFiles {
  private record Key(Path file, long size, FileTime modified, Integrity integrity) {}

  private static final Set<Key> VERIFIED = ConcurrentHashMap.newKeySet();

  private VerifiedFiles() {}

  /**
   * The file's actual integrity, or {@code expected} without reading it when this process has
   * already seen it match.
   */
  static Integrity integrity(Path file, Integrity expected) throws IOException {
    Key key = key(file, expected);
    if (VERIFIED.contains(key)) {
      return expected;
    }
    Integrity actual = Integrity.ofFile(file);
    // Only a file unchanged while it was hashed counts as verified.
    if (actual.equals(expected) && key.equals(key(file, expected))) {
      VERIFIED.add(key);
    }
    return actual;
  }

  /** Records a file this process has just written from bytes it verified. */
  static void verified(Path file, Integrity integrity) throws IOException {
    VERIFIED.add(key(file, integrity));
  }

  private static Key key(Path file, Integrity integrity) throws IOException {
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    return new Key(file.toAbsolutePath().normalize(), attributes.size(),
        attributes.lastModifiedTime(), integrity);
  }
}

package dev.deepbuild.runtime.datasets.read;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Writes small npm-style {@code .tgz} files for tests, entries in the order given. */
final class Tarballs {
  private Tarballs() {}

  static Map<String, String> entries(String... namesAndContents) {
    Map<String, String> entries = new LinkedHashMap<>();
    for (int i = 0; i < namesAndContents.length; i += 2) {
      entries.put(namesAndContents[i], namesAndContents[i + 1]);
    }
    return entries;
  }

  static Path write(Path tarball, Map<String, String> entries) throws IOException {
    try (OutputStream file = Files.newOutputStream(tarball);
        TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(file))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      TarArchiveEntry directory = new TarArchiveEntry("package/");
      tar.putArchiveEntry(directory);
      tar.closeArchiveEntry();
      for (Map.Entry<String, String> entry : entries.entrySet()) {
        byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry header = new TarArchiveEntry(entry.getKey());
        header.setSize(content.length);
        tar.putArchiveEntry(header);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    }
    return tarball;
  }
}

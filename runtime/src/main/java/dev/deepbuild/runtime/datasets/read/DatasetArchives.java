package dev.deepbuild.runtime.datasets.read;

import dev.deepbuild.runtime.datasets.DatasetCatalog;
import dev.deepbuild.runtime.datasets.fetch.CorruptArchiveException;
import dev.deepbuild.runtime.datasets.fetch.DatasetArchiveException;
import dev.deepbuild.runtime.datasets.fetch.TarGzArchive;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The one place the readers touch a tarball: {@link TarGzArchive} underneath, and every failure
 * (damaged archive, missing entry, unexpected content) turned into a
 * {@link DatasetArchiveException} that names the dataset, the tarball and the fix.
 */
final class DatasetArchives {
  /** Parses the content of one entry. */
  @FunctionalInterface
  interface EntryParser<T> {
    T parse(InputStream content) throws IOException;
  }

  private DatasetArchives() {}

  /** Parses the entry {@code name} of {@code tarball}, which must have it. */
  static <T> T readOne(DatasetCatalog.Entry dataset, Path tarball, String name, EntryParser<T> parser) {
    List<T> parsed = new ArrayList<>(1);
    readAll(dataset, tarball, name::equals, (entry, content) -> parsed.add(parser.parse(content)));
    if (parsed.isEmpty()) {
      throw failure(dataset, tarball, new DatasetFormatException("it has no entry " + name));
    }
    return parsed.get(0);
  }

  /** Passes every regular file of {@code tarball} whose name {@code names} accepts to {@code reader}. */
  static void readAll(DatasetCatalog.Entry dataset, Path tarball, Predicate<String> names,
      TarGzArchive.EntryReader reader) {
    try {
      TarGzArchive.read(tarball, names, reader);
    } catch (IOException e) {
      throw failure(dataset, tarball, e);
    }
  }

  static DatasetArchiveException failure(DatasetCatalog.Entry dataset, Path tarball, IOException e) {
    String problem = "The dataset " + dataset.describe() + " cannot be read from " + tarball + ": ";
    if (e instanceof CorruptArchiveException) {
      return new DatasetArchiveException(problem + e.getMessage(), e); // names the fix already
    }
    return new DatasetArchiveException(problem + e.getMessage() + ". Delete " + tarball
        + " so that it is fetched and verified again.", e);
  }
}

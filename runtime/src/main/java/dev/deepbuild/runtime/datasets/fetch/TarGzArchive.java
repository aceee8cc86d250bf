package dev.deepbuild.runtime.datasets.fetch;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Predicate;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads the regular files of a {@code .tgz}, such as an npm tarball, in one streaming pass. */
public final class TarGzArchive {
  /** Reads one entry of an archive. */
  @FunctionalInterface
  public interface EntryReader {
    /**
     * Reads an entry's content. The stream is valid only during this call and needs no closing;
     * closing it does not close the archive.
     *
     * @param name the entry's path in the archive, such as {@code package/reviews.json}
     */
    void read(String name, InputStream content) throws IOException;
  }

  private TarGzArchive() {}

  /**
   * Calls {@code reader} for every regular file whose name {@code entryNames} accepts, in archive
   * order. Directories, links and devices are skipped.
   *
   * @throws CorruptArchiveException when the archive is truncated or damaged, naming the tarball,
   *     the entry being read and the fix
   * @throws IOException what the reader throws, unchanged, or when the tarball cannot be opened
   */
  public static void read(Path tarball, Predicate<String> entryNames, EntryReader reader)
      throws IOException {
    try (InputStream file = Files.newInputStream(tarball)) {
      TarArchiveInputStream tar;
      try {
        tar = new TarArchiveInputStream(new GZIPInputStream(new BufferedInputStream(file, 1 << 16)));
      } catch (IOException e) {
        throw corrupt(tarball, null, e);
      }
      for (TarArchiveEntry entry = next(tarball, tar, null); entry != null;
          entry = next(tarball, tar, entry.getName())) {
        if (regularFile(entry) && entryNames.test(entry.getName())) {
          EntryStream content = new EntryStream(tar, tarball, entry.getName());
          try {
            reader.read(entry.getName(), content);
          } finally {
            content.expire();
          }
        }
      }
    }
  }

  private static TarArchiveEntry next(Path tarball, TarArchiveInputStream tar, String previous)
      throws CorruptArchiveException {
    try {
      // Also skips what the reader left unread of the previous entry, so damage may show here.
      return tar.getNextTarEntry();
    } catch (IOException e) {
      throw corrupt(tarball, previous, e);
    }
  }

  private static boolean regularFile(TarArchiveEntry entry) {
    return entry.isFile() && !entry.isSymbolicLink() && !entry.isLink()
        && !entry.isCharacterDevice() && !entry.isBlockDevice() && !entry.isFIFO();
  }

  private static CorruptArchiveException corrupt(Path tarball, String entry, IOException cause) {
    String where = entry == null ? "" : " (in or after entry " + entry + ")";
    return new CorruptArchiveException(tarball + " is not a complete .tgz archive" + where + ": "
        + cause.getMessage() + ". The file is truncated or damaged: delete it so that it is fetched "
        + "and verified again.", cause);
  }

  /**
   * An entry's content for one reader call: close does nothing, use after the call fails, and a
   * failure of the archive underneath becomes a {@link CorruptArchiveException}, so callers can tell
   * damage from their own parse errors.
   */
  private static final class EntryStream extends FilterInputStream {
    private final Path tarball;
    private final String name;
    private boolean expired;

    EntryStream(InputStream tar, Path tarball, String name) {
      super(tar);
      this.tarball = tarball;
      this.name = name;
    }

    void expire() {
      expired = true;
    }

    @Override
    public int read() throws IOException {
      check();
      try {
        return super.read();
      } catch (IOException e) {
        throw corrupt(tarball, name, e);
      }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
      check();
      try {
        return super.read(buffer, offset, length);
      } catch (IOException e) {
        throw corrupt(tarball, name, e);
      }
    }

    @Override
    public long skip(long n) throws IOException {
      check();
      try {
        return super.skip(n);
      } catch (IOException e) {
        throw corrupt(tarball, name, e);
      }
    }

    @Override
    public int available() throws IOException {
      check();
      return super.available();
    }

    @Override
    public void close() {
      // The archive's stream goes on to the next entry; closing it here would end the archive.
    }

    @Override
    public boolean markSupported() {
      return false;
    }

    private void check() throws IOException {
      if (expired) {
        throw new IOException("the stream of " + name + " in " + tarball
            + " was used after its reader returned");
      }
    }
  }
}

package dev.deepbuild.runtime.datasets.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/** Small npm-like tarballs made in memory, laid out as {@code npm pack} lays them out. */
final class Tarballs {
  private Tarballs() {}

  /** A .tgz of text files, in the map's order. */
  static byte[] tgz(Map<String, String> files) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
      for (Map.Entry<String, String> file : files.entrySet()) {
        byte[] content = file.getValue().getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(file.getKey());
        entry.setSize(content.length);
        tar.putArchiveEntry(entry);
        tar.write(content);
        tar.closeArchiveEntry();
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** A .tgz with a directory, a symbolic link and a regular file. */
  static byte[] withDirectoryAndLink() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(new GZIPOutputStream(bytes))) {
      tar.putArchiveEntry(new TarArchiveEntry("package/data/"));
      tar.closeArchiveEntry();
      TarArchiveEntry link = new TarArchiveEntry("package/data/link.txt", TarArchiveEntry.LF_SYMLINK);
      link.setLinkName("file.txt");
      tar.putArchiveEntry(link);
      tar.closeArchiveEntry();
      byte[] content = "content".getBytes(StandardCharsets.UTF_8);
      TarArchiveEntry file = new TarArchiveEntry("package/data/file.txt");
      file.setSize(content.length);
      tar.putArchiveEntry(file);
      tar.write(content);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /** The first {@code fraction} of the bytes. */
  static byte[] cut(byte[] tarball, double fraction) {
    return Arrays.copyOf(tarball, (int) (tarball.length * fraction));
  }

  /** A tar stream cut in the middle of an entry, then gzipped whole: damage gzip cannot see. */
  static byte[] truncatedTarInCompleteGzip(String name, int size) {
    ByteArrayOutputStream tarBytes = new ByteArrayOutputStream();
    try (TarArchiveOutputStream tar = new TarArchiveOutputStream(tarBytes)) {
      TarArchiveEntry entry = new TarArchiveEntry(name);
      entry.setSize(size);
      tar.putArchiveEntry(entry);
      tar.write(new byte[size]);
      tar.closeArchiveEntry();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    byte[] cutTar = Arrays.copyOf(tarBytes.toByteArray(), 512 + size / 2);
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(cutTar);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return gz.toByteArray();
  }
}

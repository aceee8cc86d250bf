package dev.deepbuild.build.uptodate;

import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.build.io.Sha256;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Files' content digests, remembered between builds in a small file so that an unchanged file is
 * not read again, as Gradle's file hashes are kept: a remembered digest stands for a file while its
 * size, its modification time (to the precision the file system keeps) and its identity (the inode,
 * where the system has one) are those it was read with. Any write changes the modification time,
 * unless it falls within the same clock tick as the read; so, as Git does for its index ("racy"
 * entries), a digest is trusted only for a file whose modification time was more than {@link
 * #MARGIN_MILLIS} older than the read, and such a file is read again until it is. What this cannot
 * see is a write whose tool then sets the old time back on purpose (as {@code touch -r} can) while
 * the size stays the same; {@code -Ddl.force} or {@code mvn clean} reads every file again.
 */
public final class ContentDigests {
  /** Wider than the coarsest file system's time step (FAT's 2 s) and small clock adjustments. */
  static final long MARGIN_MILLIS = 3_000;
  private static final String HEADER = "deepbuild content digests 1";

  /** A digest and what it was read with. */
  private record Entry(long size, Instant modified, String identity, long readAtMillis, String digest) {}

  private final Path memo;
  private final Map<String, Entry> remembered;
  /**
   * What the memo keeps: the remembered digests, those read now in their place. Goals that read
   * different files share the memo; a deleted file's line stays until {@code mvn clean}.
   */
  private final Map<String, Entry> kept;

  private ContentDigests(Path memo, Map<String, Entry> remembered) {
    this.memo = memo;
    this.remembered = remembered;
    this.kept = new TreeMap<>(remembered);
  }

  /** Digests that remember nothing: every file is read. */
  public static ContentDigests none() {
    return new ContentDigests(null, Map.of());
  }

  /** Digests remembered in {@code memo}; none when it is missing or does not read as one. */
  public static ContentDigests rememberedIn(Path memo) {
    Map<String, Entry> entries = new HashMap<>();
    List<String> lines;
    try {
      lines = Files.readAllLines(memo, StandardCharsets.UTF_8);
    } catch (IOException missingOrDamaged) {
      return new ContentDigests(memo, Map.of());
    }
    if (lines.isEmpty() || !lines.get(0).equals(HEADER)) {
      return new ContentDigests(memo, Map.of());
    }
    for (String line : lines.subList(1, lines.size())) {
      // The path last, since only it may hold a tab.
      String[] fields = line.split("\t", 6);
      try {
        entries.put(fields[5], new Entry(Long.parseLong(fields[1]), Instant.parse(fields[2]),
            fields[3], Long.parseLong(fields[4]), fields[0]));
      } catch (RuntimeException damaged) {
        return new ContentDigests(memo, Map.of());
      }
    }
    return new ContentDigests(memo, entries);
  }

  /** The hex SHA-256 of the regular file's content, read only when it may have changed. */
  public String of(Path file) throws IOException {
    String path = file.toAbsolutePath().normalize().toString();
    BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class);
    Instant modified = attributes.lastModifiedTime().toInstant();
    String identity = String.valueOf(attributes.fileKey());
    Entry entry = remembered.get(path);
    if (entry == null || entry.size() != attributes.size() || !entry.modified().equals(modified)
        || !Objects.equals(entry.identity(), identity)
        || modified.toEpochMilli() >= entry.readAtMillis() - MARGIN_MILLIS) {
      long readAt = System.currentTimeMillis();
      entry = new Entry(attributes.size(), modified, identity, readAt, Sha256.of(file));
    }
    kept.put(path, entry);
    return entry.digest();
  }

  /** Keeps the digests for the next build, when this one read any file again. */
  public void save() throws IOException {
    if (memo == null || kept.equals(remembered)) {
      return;
    }
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    kept.forEach((path, entry) -> {
      if (path.indexOf('\n') < 0 && path.indexOf('\r') < 0) {
        text.append(entry.digest()).append('\t').append(entry.size()).append('\t')
            .append(entry.modified()).append('\t').append(entry.identity().replace('\t', ' '))
            .append('\t').append(entry.readAtMillis()).append('\t').append(path).append('\n');
      }
    });
    AtomicFiles.write(memo, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
  }
}

package dev.deepbuild.build.uptodate;

import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.build.io.TabLines;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lines a fork printed, kept under the digest of the {@link OutcomeKey} it ran with, so that
 * a later build with the same key prints them again instead of starting the JVM: what
 * {@code dl:summary} keeps of the tables it can only print after reading the data. In lines of
 * {@link TabLines}: a header, {@code key}, then one {@code info} or {@code warn} line each.
 */
public final class KeptLog {
  private static final String HEADER = "deepbuild kept log 1";

  /** A printed line, and whether it was a warning (the fork's standard error). */
  public record Line(boolean warning, String text) {}

  private KeptLog() {}

  /** The kept lines, when they were printed under {@code key}. */
  public static Optional<List<Line>> reuse(Path file, OutcomeKey key) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException missingOrDamaged) {
      return Optional.empty();
    }
    if (lines.size() < 2 || !lines.get(0).equals(HEADER)
        || !lines.get(1).equals(TabLines.line("key", key.digest()).strip())) {
      return Optional.empty();
    }
    List<Line> printed = new ArrayList<>();
    for (String line : lines.subList(2, lines.size())) {
      List<String> fields = TabLines.fields(line);
      if (fields == null || fields.size() != 2 || !List.of("info", "warn").contains(fields.get(0))) {
        return Optional.empty();
      }
      printed.add(new Line(fields.get(0).equals("warn"), fields.get(1)));
    }
    return Optional.of(printed);
  }

  /** Keeps {@code lines} under {@code key}. */
  public static void store(Path file, OutcomeKey key, List<Line> lines) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n').append(TabLines.line("key", key.digest()));
    lines.forEach(line -> text.append(TabLines.line(line.warning() ? "warn" : "info", line.text())));
    AtomicFiles.write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
  }

  /** Forgets the kept lines, before a fork that may print others. */
  public static void forget(Path file) throws IOException {
    Files.deleteIfExists(file);
  }
}

package dev.deepbuild.build.uptodate;

import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.build.io.TabLines;
import dev.deepbuild.build.result.SessionVerdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A session's {@link SessionVerdict} under the digest of the key it was reached with, in a few
 * lines of text ({@link TabLines}): an up-to-date build reads it and compares one line, without a
 * JSON parser or the reports' data:
 *
 * <pre>
 * deepbuild verdict 1
 * key	sha256:…
 * model	flowers	5.7
 * check	passed	flowers: test accuracy is 0.867 (minimum 0.600)
 * </pre>
 *
 * <p>A check is {@code passed}, {@code warned} (passed with a bound left out) or {@code missed}; a
 * model or the session may have an {@code error} line. A file that does not read as this, such as
 * one another version wrote, reads as none.
 */
final class VerdictFile {
  private static final String HEADER = "deepbuild verdict 1";

  /** A verdict and the digest of the key it was reached with. */
  record Kept(String keyDigest, SessionVerdict verdict) {}

  private VerdictFile() {}

  static void write(Path file, String keyDigest, SessionVerdict verdict) throws IOException {
    StringBuilder text = new StringBuilder(HEADER).append('\n');
    line(text, "key", keyDigest);
    if (verdict.error() != null) {
      line(text, "error", verdict.error());
    }
    for (SessionVerdict.Model model : verdict.models()) {
      line(text, "model", model.model(), Double.toString(model.trainingSeconds()));
      if (model.error() != null) {
        line(text, "error", model.error());
      }
      for (SessionVerdict.Check check : model.checks()) {
        line(text, "check", !check.passed() ? "missed" : check.warns() ? "warned" : "passed",
            check.message());
      }
    }
    AtomicFiles.write(file, temporary -> Files.writeString(temporary, text, StandardCharsets.UTF_8));
  }

  /** The kept verdict; none when the file is missing, unreadable or does not read as one. */
  static Optional<Kept> read(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException missingOrDamaged) {
      // The full result decides, or the fork.
      return Optional.empty();
    }
    if (lines.size() < 2 || !lines.get(0).equals(HEADER)) {
      return Optional.empty();
    }
    String keyDigest = null;
    String sessionError = null;
    List<SessionVerdict.Model> models = new ArrayList<>();
    Builder model = null;
    for (String line : lines.subList(1, lines.size())) {
      List<String> fields = TabLines.fields(line);
      if (fields == null) {
        return Optional.empty();
      }
      switch (fields.get(0) + "/" + fields.size()) {
        case "key/2" -> keyDigest = fields.get(1);
        case "model/3" -> {
          if (model != null) {
            models.add(model.build());
          }
          try {
            model = new Builder(fields.get(1), Double.parseDouble(fields.get(2)));
          } catch (NumberFormatException e) {
            return Optional.empty();
          }
        }
        case "error/2" -> {
          if (model == null) {
            sessionError = fields.get(1);
          } else {
            model.error = fields.get(1);
          }
        }
        case "check/3" -> {
          String verdict = fields.get(1);
          if (model == null || !List.of("passed", "warned", "missed").contains(verdict)) {
            return Optional.empty();
          }
          model.checks.add(new SessionVerdict.Check(!verdict.equals("missed"),
              verdict.equals("warned"), fields.get(2)));
        }
        default -> {
          return Optional.empty();
        }
      }
    }
    if (model != null) {
      models.add(model.build());
    }
    return keyDigest == null ? Optional.empty()
        : Optional.of(new Kept(keyDigest, new SessionVerdict(models, sessionError)));
  }

  private static final class Builder {
    private final String name;
    private final double trainingSeconds;
    private final List<SessionVerdict.Check> checks = new ArrayList<>();
    private String error;

    Builder(String name, double trainingSeconds) {
      this.name = name;
      this.trainingSeconds = trainingSeconds;
    }

    SessionVerdict.Model build() {
      return new SessionVerdict.Model(name, false, trainingSeconds, error, checks);
    }
  }

  private static void line(StringBuilder text, String kind, String... fields) {
    text.append(TabLines.line(kind, fields));
  }
}

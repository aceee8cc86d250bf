package dev.deepbuild.build.gate;

import dev.deepbuild.build.result.SessionVerdict;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The lines a session's outcome is reported in, and its verdict: the one wording of the gate for
 * the Maven goals and for a {@code spark-submit} job. Each model's error, or its headline and one
 * line per threshold check; a passed check that left a bound out, and a missed one when the
 * build does not halt on failures, are warnings.
 */
public final class GateLog {
  /** Where the lines go, by level. */
  public interface Sink {
    void info(String line);

    void warn(String line);

    void error(String line);
  }

  /** How the session ended for the build. */
  public enum Verdict {
    /** Every model trained and met its thresholds (or the misses only warn). */
    PASSED,
    /** Every model trained, and at least one missed a threshold. */
    MISSED,
    /** A model, or the session, failed with an error. */
    ERROR
  }

  /** A training session's headline: how long each model trained, and whether by an earlier build. */
  public static final Function<SessionVerdict.Model, String> TRAINED = model -> String.format(
      Locale.ROOT, model.upToDate()
          ? "%s: up to date, trained in %.1f s by an earlier build" : "%s: trained in %.1f s",
      model.model(), model.trainingSeconds());

  private GateLog() {}

  /**
   * Writes {@code result}'s lines to {@code sink}; with {@code haltOnFailure} off, also the count
   * of missed thresholds, which then pass.
   *
   * @param headline the line before a model's checks; null from it for none
   */
  public static Verdict report(SessionVerdict result,
      Function<SessionVerdict.Model, String> headline, boolean haltOnFailure, Sink sink) {
    for (SessionVerdict.Model model : result.models()) {
      if (model.failed()) {
        sink.error(model.error());
        continue;
      }
      String line = headline.apply(model);
      if (line != null) {
        sink.info(line);
      }
      for (SessionVerdict.Check check : model.checks()) {
        if (check.passed() && check.warns()) {
          // Passed, with a bound left out, such as a regression tolerance before dl:accept.
          sink.warn("  " + check.message());
        } else if (check.passed()) {
          sink.info("  " + check.message());
        } else if (haltOnFailure) {
          sink.error("  " + check.message());
        } else {
          // The build stays green, so the miss is a warning, as the summary below is.
          sink.warn("  " + check.message());
        }
      }
    }
    if (!result.errors().isEmpty()) {
      return Verdict.ERROR;
    }
    List<String> violations = result.violations();
    if (violations.isEmpty()) {
      return Verdict.PASSED;
    }
    if (haltOnFailure) {
      return Verdict.MISSED;
    }
    // Each miss was warned of above, so the summary only counts them, as JaCoCo's check does.
    sink.warn(violations.size() + (violations.size() == 1 ? " threshold" : " thresholds")
        + " missed (see the warnings above), but haltOnFailure is false: the build passes.");
    return Verdict.PASSED;
  }
}

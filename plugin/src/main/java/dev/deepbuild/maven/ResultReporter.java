package dev.deepbuild.maven;

import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.build.result.SessionVerdict;
import java.util.List;
import java.util.function.Function;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Logs a fork's outcome and maps it to Maven's exceptions, for every goal alike: a broken input
 * fails the build as an error ({@link MojoExecutionException}), a missed threshold as a failure
 * ({@link MojoFailureException}), or a warning when {@code haltOnFailure} is off.
 */
final class ResultReporter {
  /** No line before a model's checks, for goals whose fork already said what it did. */
  static final Function<SessionVerdict.Model, String> NO_HEADLINE = model -> null;

  private final Log log;
  private final boolean haltOnFailure;
  private final Function<SessionVerdict.Model, String> headline;

  /**
   * Reports a training session: each model's line says how long it trained, and whether that was
   * in an earlier build whose saved model was reused.
   */
  ResultReporter(Log log, boolean haltOnFailure) {
    this(log, haltOnFailure, model -> String.format(model.upToDate()
        ? "%s: up to date, trained in %.1f s by an earlier build" : "%s: trained in %.1f s",
        model.model(), model.trainingSeconds()));
  }

  /** @param headline the line before a model's checks; null for none */
  ResultReporter(Log log, boolean haltOnFailure, Function<SessionVerdict.Model, String> headline) {
    this.log = log;
    this.haltOnFailure = haltOnFailure;
    this.headline = headline;
  }

  void report(SessionResult result) throws MojoExecutionException, MojoFailureException {
    report(result.verdict());
  }

  void report(SessionVerdict result) throws MojoExecutionException, MojoFailureException {
    for (SessionVerdict.Model model : result.models()) {
      if (model.failed()) {
        log.error(model.error());
        continue;
      }
      String line = headline.apply(model);
      if (line != null) {
        log.info(line);
      }
      for (SessionVerdict.Check check : model.checks()) {
        if (check.passed() && check.warns()) {
          // Passed, with a bound left out, such as a regression tolerance before dl:accept.
          log.warn("  " + check.message());
        } else if (check.passed()) {
          log.info("  " + check.message());
        } else if (haltOnFailure) {
          log.error("  " + check.message());
        } else {
          // The build stays green, so the miss is a warning, as the summary below is.
          log.warn("  " + check.message());
        }
      }
    }
    List<String> errors = result.errors();
    if (!errors.isEmpty()) {
      throw new MojoExecutionException(String.join(System.lineSeparator(), errors));
    }
    List<String> violations = result.violations();
    if (violations.isEmpty()) {
      return;
    }
    if (haltOnFailure) {
      throw new MojoFailureException(String.join(System.lineSeparator(), violations));
    }
    // Each miss was warned of above, so the summary only counts them, as JaCoCo's check does.
    log.warn(violations.size() + (violations.size() == 1 ? " threshold" : " thresholds")
        + " missed (see the warnings above), but haltOnFailure is false: the build passes.");
  }
}

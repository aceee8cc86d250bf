package dev.deepbuild.maven;

import dev.deepbuild.runtime.gate.CheckOutcome;
import dev.deepbuild.runtime.session.ModelOutcome;
import dev.deepbuild.runtime.session.SessionResult;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/**
 * Logs a training session's outcome and maps it to Maven's exceptions: a broken input fails the
 * build as an error ({@link MojoExecutionException}), a missed threshold as a failure
 * ({@link MojoFailureException}), or a warning when {@code haltOnFailure} is off.
 */
final class ResultReporter {
  private final Log log;
  private final boolean haltOnFailure;

  ResultReporter(Log log, boolean haltOnFailure) {
    this.log = log;
    this.haltOnFailure = haltOnFailure;
  }

  void report(SessionResult result) throws MojoExecutionException, MojoFailureException {
    for (ModelOutcome model : result.models()) {
      if (model.failed()) {
        log.error(model.error());
        continue;
      }
      log.info(String.format("%s: trained in %.1f s", model.model(), model.report().trainingSeconds()));
      for (CheckOutcome check : model.checks()) {
        if (check.passed()) {
          log.info("  " + check.message());
        } else {
          log.error("  " + check.message());
        }
      }
    }
    List<String> errors = result.errors();
    if (!errors.isEmpty()) {
      throw new MojoExecutionException(String.join(System.lineSeparator(), errors));
    }
    List<String> violations = result.violations().stream().map(CheckOutcome::message).toList();
    if (violations.isEmpty()) {
      return;
    }
    String message = String.join(System.lineSeparator(), violations);
    if (haltOnFailure) {
      throw new MojoFailureException(message);
    }
    log.warn("Thresholds missed, but haltOnFailure is false:" + System.lineSeparator() + message);
  }
}

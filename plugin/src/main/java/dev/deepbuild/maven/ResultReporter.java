package dev.deepbuild.maven;

import dev.deepbuild.build.gate.GateLog;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.build.result.SessionVerdict;
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
    this(log, haltOnFailure, GateLog.TRAINED);
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
    GateLog.Verdict verdict = GateLog.report(result, headline, haltOnFailure, new GateLog.Sink() {
      @Override
      public void info(String line) {
        log.info(line);
      }

      @Override
      public void warn(String line) {
        log.warn(line);
      }

      @Override
      public void error(String line) {
        log.error(line);
      }
    });
    switch (verdict) {
      case ERROR -> throw new MojoExecutionException(
          String.join(System.lineSeparator(), result.errors()));
      case MISSED -> throw new MojoFailureException(
          String.join(System.lineSeparator(), result.violations()));
      case PASSED -> { }
    }
  }
}

package dev.deepbuild.runtime.session;

import dev.deepbuild.build.TrainingLog;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failure nobody foresaw, such as a bug or an exhausted heap: its stack trace goes to the log,
 * line by line, and the build's outcome says what it was and where to look.
 */
public final class Crash {
  private Crash() {}

  /**
   * Logs {@code failure}'s stack trace under a line naming what crashed.
   *
   * @param subject what crashed, such as {@code iris}
   */
  public static void log(String subject, Throwable failure, TrainingLog log) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    log.info(subject + " crashed:");
    trace.toString().lines().forEach(log::info);
  }

  /** {@code crashed with java.lang.IllegalStateException: ... (its stack trace is in the log above)}. */
  public static String describe(Throwable failure) {
    return "crashed with " + failure + " (its stack trace is in the log above)";
  }
}

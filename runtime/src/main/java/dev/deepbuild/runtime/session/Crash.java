package dev.deepbuild.runtime.session;

import dev.deepbuild.runtime.train.TrainingLog;
import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * A failure nobody foresaw, such as a bug or an exhausted heap: its stack trace goes to the log,
 * line by line, and its message says which model it struck and where to look.
 */
public final class Crash {
  private Crash() {}

  /**
   * Logs {@code failure}'s stack trace and words it for the build's outcome.
   *
   * @param subject what crashed, such as {@code iris: training}
   */
  public static String report(String subject, Throwable failure, TrainingLog log) {
    StringWriter trace = new StringWriter();
    failure.printStackTrace(new PrintWriter(trace));
    String message = subject + " crashed with " + failure;
    log.info(message + ":");
    trace.toString().lines().forEach(log::info);
    return message + " (its stack trace is in the log above)";
  }
}

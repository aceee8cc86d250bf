package dev.deepbuild.build.gate;

import java.util.List;

/**
 * The outcome of one threshold check. The message reads
 * {@code iris: test accuracy is 0.842, but expected minimum is 0.900} when it failed and
 * {@code iris: test accuracy is 0.967 (minimum 0.900)} when it passed.
 *
 * @param printedActual the actual value as the message prints it, rounded toward the verdict
 * @param bounds the threshold's sides as the message prints them, derived ones included
 * @param warning what the check could not compare and how to fix it, such as a regression
 *     tolerance without an accepted value; empty when nothing was left out
 */
public record CheckOutcome(ThresholdSpec threshold, double actual, boolean passed,
    String printedActual, List<Bound> bounds, String message, String warning) {

  public CheckOutcome {
    bounds = List.copyOf(bounds);
    // A result written before warnings existed reads without one.
    warning = warning == null ? "" : warning;
  }

  /** An outcome that left nothing out. */
  public CheckOutcome(ThresholdSpec threshold, double actual, boolean passed,
      String printedActual, List<Bound> bounds, String message) {
    this(threshold, actual, passed, printedActual, bounds, message, "");
  }

  /** The same outcome with another message, such as one that says where the value comes from. */
  public CheckOutcome withMessage(String message) {
    return new CheckOutcome(threshold, actual, passed, printedActual, bounds, message, warning);
  }

  /** Whether the check left a bound out, which the build warns of. */
  public boolean warns() {
    return !warning.isEmpty();
  }
}

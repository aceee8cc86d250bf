package dev.deepbuild.runtime.gate;

import dev.deepbuild.runtime.model.ThresholdSpec;
import java.util.List;

/**
 * The outcome of one threshold check. The message reads
 * {@code iris: test accuracy is 0.842, but expected minimum is 0.900} when it failed and
 * {@code iris: test accuracy is 0.967 (minimum 0.900)} when it passed.
 *
 * @param printedActual the actual value as the message prints it, rounded toward the verdict
 * @param bounds the threshold's sides as the message prints them, derived ones included
 */
public record CheckOutcome(ThresholdSpec threshold, double actual, boolean passed,
    String printedActual, List<Bound> bounds, String message) {

  public CheckOutcome {
    bounds = List.copyOf(bounds);
  }

  /** The same outcome with another message, such as one that says where the value comes from. */
  public CheckOutcome withMessage(String message) {
    return new CheckOutcome(threshold, actual, passed, printedActual, bounds, message);
  }
}

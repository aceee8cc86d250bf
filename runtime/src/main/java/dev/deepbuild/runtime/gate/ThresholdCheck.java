package dev.deepbuild.runtime.gate;

import dev.deepbuild.runtime.model.ThresholdSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Checks one metric value against one threshold, in the manner of JaCoCo's {@code Limit}: the
 * message rounds the actual value toward failure at the threshold's precision, so a failing value
 * never prints as if it passed ({@code 0.89996} against a minimum of {@code 0.900} prints as
 * {@code 0.899}).
 */
public final class ThresholdCheck {
  /** Values print with at least this many decimals, more when the threshold has more. */
  private static final int MIN_SCALE = 3;

  private ThresholdCheck() {}

  /** Checks {@code actual} against {@code threshold} for the model named {@code model}. */
  public static CheckOutcome check(String model, ThresholdSpec threshold, double actual) {
    String subject = model + ": " + threshold.on().label() + " " + threshold.metric().key();
    if (Double.isNaN(actual)) {
      return new CheckOutcome(threshold, actual, false, subject + " is NaN (training diverged)");
    }
    if (threshold.hasMin() && actual < threshold.min()) {
      return new CheckOutcome(threshold, actual, false,
          violation(subject, actual, "minimum", threshold.min(), RoundingMode.FLOOR));
    }
    if (threshold.hasMax() && actual > threshold.max()) {
      return new CheckOutcome(threshold, actual, false,
          violation(subject, actual, "maximum", threshold.max(), RoundingMode.CEILING));
    }
    return new CheckOutcome(threshold, actual, true, subject + " is "
        + format(actual, scale(threshold), RoundingMode.HALF_EVEN) + bounds(threshold));
  }

  private static String violation(
      String subject, double actual, String kind, double limit, RoundingMode towardFailure) {
    int scale = scale(limit);
    return subject + " is " + format(actual, scale, towardFailure)
        + ", but expected " + kind + " is " + format(limit, scale, RoundingMode.HALF_EVEN);
  }

  private static String bounds(ThresholdSpec threshold) {
    int scale = scale(threshold);
    StringBuilder text = new StringBuilder(" (");
    if (threshold.hasMin()) {
      text.append("minimum ").append(format(threshold.min(), scale, RoundingMode.HALF_EVEN));
    }
    if (threshold.hasMax()) {
      text.append(threshold.hasMin() ? ", " : "")
          .append("maximum ").append(format(threshold.max(), scale, RoundingMode.HALF_EVEN));
    }
    return text.append(')').toString();
  }

  private static int scale(ThresholdSpec threshold) {
    return Math.max(
        threshold.hasMin() ? scale(threshold.min()) : MIN_SCALE,
        threshold.hasMax() ? scale(threshold.max()) : MIN_SCALE);
  }

  /** The decimals the limit was written with, at least {@link #MIN_SCALE}. */
  private static int scale(double limit) {
    return Math.max(MIN_SCALE, new BigDecimal(Double.toString(limit)).stripTrailingZeros().scale());
  }

  private static String format(double value, int scale, RoundingMode rounding) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    return new BigDecimal(value).setScale(scale, rounding).toPlainString();
  }
}

package dev.deepbuild.runtime.gate;

import dev.deepbuild.runtime.DeepBuildException;
import dev.deepbuild.runtime.model.ThresholdSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

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
    return check(model, threshold, actual, OptionalDouble.empty());
  }

  /**
   * Checks {@code actual} against {@code threshold}, whose margin over the common-sense baseline,
   * if it has one, is measured from {@code baseline}.
   *
   * @throws DeepBuildException when the threshold has a baseline margin and no baseline was measured
   */
  public static CheckOutcome check(
      String model, ThresholdSpec threshold, double actual, OptionalDouble baseline) {
    String subject = model + ": " + threshold.on().label() + " " + threshold.metric().key();
    if (Double.isNaN(actual)) {
      return new CheckOutcome(threshold, actual, false, subject + " is NaN (training diverged)");
    }
    List<Bound> bounds = bounds(model, threshold, baseline);
    for (Bound bound : bounds) {
      if (bound.minimum() ? actual < bound.value() : actual > bound.value()) {
        return new CheckOutcome(threshold, actual, false, subject + " is "
            + format(actual, bound.scale(), bound.minimum() ? RoundingMode.FLOOR : RoundingMode.CEILING)
            + ", but expected " + bound.describe(true));
      }
    }
    int scale = bounds.stream().mapToInt(Bound::scale).max().orElse(MIN_SCALE);
    return new CheckOutcome(threshold, actual, true, subject + " is "
        + format(actual, scale, RoundingMode.HALF_EVEN) + " ("
        + String.join(", ", bounds.stream().map(bound -> bound.describe(false)).toList()) + ")");
  }

  /** The threshold's bounds: its minimum, its maximum, and the one its baseline margin sets. */
  private static List<Bound> bounds(String model, ThresholdSpec threshold, OptionalDouble baseline) {
    List<Bound> bounds = new ArrayList<>();
    if (threshold.hasMin()) {
      bounds.add(new Bound(true, threshold.min(), scale(threshold.min()), ""));
    }
    if (threshold.hasMax()) {
      bounds.add(new Bound(false, threshold.max(), scale(threshold.max()), ""));
    }
    if (threshold.hasBaselineMargin()) {
      double base = baseline.orElseThrow(() -> new DeepBuildException(model + ": no common-sense"
          + " baseline was measured on the " + threshold.on().label() + " data, so "
          + threshold.metric().key() + " cannot be compared with it; train the model again"
          + " (-Ddl.force) so that its report holds the baseline"));
      double margin = threshold.beatBaselineBy();
      boolean higher = threshold.metric().higherIsBetter();
      int scale = scale(margin);
      bounds.add(new Bound(higher, higher ? base + margin : base - margin, scale,
          "the baseline's " + format(base, scale, RoundingMode.HALF_EVEN)
              + (higher ? " plus " : " less ") + format(margin, scale, RoundingMode.HALF_EVEN)));
    }
    return bounds;
  }

  /** One side of a threshold: the value it allows at the least or the most, and where it comes from. */
  private record Bound(boolean minimum, double value, int scale, String origin) {
    /**
     * {@code minimum is 0.602 (the baseline's 0.502 plus 0.100)} in a violation,
     * {@code minimum 0.602: the baseline's 0.502 plus 0.100} in a pass.
     */
    String describe(boolean violated) {
      String bound = (minimum ? "minimum" : "maximum") + (violated ? " is " : " ")
          + format(value, scale, RoundingMode.HALF_EVEN);
      if (origin.isEmpty()) {
        return bound;
      }
      return violated ? bound + " (" + origin + ")" : bound + ": " + origin;
    }
  }

  /** The decimals the limit was written with, at least {@link #MIN_SCALE}. */
  private static int scale(double limit) {
    return Math.max(MIN_SCALE, new BigDecimal(Double.toString(limit)).stripTrailingZeros().scale());
  }

  private static String format(double value, int scale, RoundingMode rounding) {
    if (Double.isInfinite(value)) {
      return value > 0 ? "Infinity" : "-Infinity";
    }
    // valueOf, not new BigDecimal(value): the shortest decimal that is the double, so 0.842 stays
    // 0.842 rather than its binary expansion 0.84199999..., which FLOOR would print as 0.841.
    return BigDecimal.valueOf(value).setScale(scale, rounding).toPlainString();
  }
}

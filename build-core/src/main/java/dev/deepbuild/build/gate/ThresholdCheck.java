package dev.deepbuild.build.gate;

import dev.deepbuild.build.DeepBuildException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.DoubleStream;

/**
 * Checks one metric value against one threshold, in the manner of JaCoCo's {@code Limit}: the
 * message rounds the actual value toward failure at the threshold's precision, so a failing value
 * never prints as if it passed ({@code 0.89996} against a minimum of {@code 0.900} prints as
 * {@code 0.899}). A bound derived from the baseline is rounded toward failure too (a minimum up, a
 * maximum down, as JaCoCo rounds its limits), and a passing value is rounded so that it never
 * reads as beyond such a bound: the printed numbers always agree with the verdict.
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
    return check(model, threshold, actual, baseline, Accepted.NONE);
  }

  /**
   * The value {@code dl:accept} recorded for the threshold's metric, which its regression
   * tolerance is measured from.
   *
   * @param value the accepted value; empty when none was accepted yet
   * @param source how messages name where it comes from, such as the accepted metrics file
   */
  public record Accepted(OptionalDouble value, String source) {
    static final Accepted NONE = new Accepted(OptionalDouble.empty(), AcceptedMetrics.DEFAULT_SOURCE);
  }

  /**
   * Checks {@code actual} against {@code threshold}: its margin over the common-sense baseline, if
   * it has one, is measured from {@code baseline}, and its regression tolerance from {@code
   * accepted}. Without an accepted value, the tolerance is left out with a warning that names the
   * fix, so that the first build of a new threshold passes until a model is accepted.
   *
   * @throws DeepBuildException when the threshold has a baseline margin and no baseline was measured
   */
  public static CheckOutcome check(String model, ThresholdSpec threshold, double actual,
      OptionalDouble baseline, Accepted accepted) {
    String subject = model + ": " + threshold.subject();
    int scale = scale(threshold);
    List<Side> sides = sides(model, threshold, baseline, accepted, scale);
    List<Bound> bounds = sides.stream().map(Side::bound).toList();
    String warning = threshold.hasMaxRegression() && accepted.value().isEmpty()
        ? "no accepted " + threshold.subject() + " in " + accepted.source()
            + ", so its maxRegression is not checked; run mvn dl:accept to accept the current one"
        : "";
    if (Double.isNaN(actual)) {
      return new CheckOutcome(threshold, actual, false, "NaN", bounds,
          subject + " is NaN (training diverged)", warning);
    }
    for (Side side : sides) {
      if (side.bound().violatedBy(actual)) {
        String printed = format(actual, scale,
            side.bound().minimum() ? RoundingMode.FLOOR : RoundingMode.CEILING);
        return new CheckOutcome(threshold, actual, false, printed, bounds,
            subject + " is " + printed + ", but expected " + side.bound().describe(true), warning);
      }
    }
    String printed = passing(actual, scale, sides);
    List<String> notes = new ArrayList<>();
    if (!bounds.isEmpty()) {
      notes.add(String.join(", ", bounds.stream().map(bound -> bound.describe(false)).toList()));
    }
    if (!warning.isEmpty()) {
      notes.add(warning);
    }
    return new CheckOutcome(threshold, actual, true, printed, bounds,
        subject + " is " + printed + " (" + String.join("; ", notes) + ")", warning);
  }

  /**
   * A passing value as printed: rounded half-even at the threshold's decimals. A written bound has
   * no more decimals than that, so the rounding cannot cross it; a derived one can (a
   * value of 0.8524 meets a minimum of 0.8523, which prints as 0.853), and then the value is
   * rounded toward passing instead, so that it never prints beyond a bound it meets.
   */
  private static String passing(double actual, int scale, List<Side> sides) {
    String printed = format(actual, scale, RoundingMode.HALF_EVEN);
    for (Side side : sides) {
      if (side.readsBeyond(printed)) {
        printed = format(actual, scale,
            side.bound().minimum() ? RoundingMode.CEILING : RoundingMode.FLOOR);
      }
    }
    return printed;
  }

  /**
   * The threshold's sides: its minimum, its maximum, the one its baseline margin sets and the one
   * its regression tolerance sets, when there is an accepted value.
   */
  private static List<Side> sides(String model, ThresholdSpec threshold, OptionalDouble baseline,
      Accepted accepted, int scale) {
    List<Side> sides = new ArrayList<>();
    if (threshold.hasMin()) {
      sides.add(Side.written(true, threshold.min(), scale));
    }
    if (threshold.hasMax()) {
      sides.add(Side.written(false, threshold.max(), scale));
    }
    if (threshold.hasBaselineMargin()) {
      double base = baseline.orElseThrow(() -> new DeepBuildException(model + ": no common-sense"
          + " baseline was measured on the " + threshold.on().label() + " data, so "
          + threshold.metric().key() + " cannot be compared with it; train the model again"
          + " (-Ddl.force) so that its report holds the baseline"));
      if (!Double.isFinite(base)) {
        // A regressor's R2 baseline is NaN when every training target is the same.
        throw new DeepBuildException(model + ": the common-sense baseline's "
            + threshold.on().label() + " " + threshold.metric().key() + " is " + base
            + ", so no margin over it can be measured; bound " + threshold.metric().key()
            + " with min or max instead of beatBaselineBy");
      }
      boolean higher = threshold.metric().higherIsBetter();
      sides.add(Side.derived(higher, "the baseline's", base, threshold.beatBaselineBy(), higher,
          scale));
    }
    if (threshold.hasMaxRegression() && accepted.value().isPresent()) {
      // Worse is lower for accuracy, higher for a loss: the tolerance moves the other way.
      boolean higher = threshold.metric().higherIsBetter();
      sides.add(Side.derived(higher, "the accepted", accepted.value().getAsDouble(),
          threshold.maxRegression(), !higher, scale));
    }
    return sides;
  }

  /** A bound, and whether the baseline margin derives it. */
  private record Side(Bound bound, boolean derived) {
    /** Whether a value printed so reads as beyond this bound as printed; never for a written one. */
    boolean readsBeyond(String printedValue) {
      if (!derived) {
        return false;
      }
      int order = new BigDecimal(printedValue).compareTo(new BigDecimal(bound.printed()));
      return bound.minimum() ? order < 0 : order > 0;
    }

    static Side written(boolean minimum, double limit, int scale) {
      return new Side(new Bound(minimum, limit, format(limit, scale, RoundingMode.HALF_EVEN), ""),
          false);
    }

    /**
     * A measured value moved by a written amount: the baseline's by the margin in the metric's
     * better direction, the accepted one's by the tolerance in its worse direction. The sum is
     * taken in decimal, so that a baseline of 0.2 plus 0.1 is 0.3 rather than
     * 0.30000000000000004, and the bound and the value print rounded the same way, so that the
     * printed sum adds up: a minimum of 0.853 is the baseline's 0.753 plus 0.100 when the baseline
     * was 0.7523, and a minimum of 0.852 the accepted 0.862 less 0.010 when it was 0.8612.
     *
     * @param from how the origin names the value, such as {@code the accepted}
     * @param plus whether the amount is added to the value rather than taken from it
     */
    static Side derived(
        boolean minimum, String from, double base, double amount, boolean plus, int scale) {
      RoundingMode towardFailure = minimum ? RoundingMode.CEILING : RoundingMode.FLOOR;
      BigDecimal exact = plus
          ? BigDecimal.valueOf(base).add(BigDecimal.valueOf(amount))
          : BigDecimal.valueOf(base).subtract(BigDecimal.valueOf(amount));
      String origin = from + " " + format(base, scale, towardFailure)
          + (plus ? " plus " : " less ") + format(amount, scale, RoundingMode.HALF_EVEN);
      return new Side(new Bound(minimum, exact.doubleValue(),
          exact.setScale(scale, towardFailure).toPlainString(), origin), true);
    }
  }

  /**
   * The decimals every number of a check prints with: the most that its minimum, maximum,
   * baseline margin or regression tolerance was written with, at least {@link #MIN_SCALE}. One scale for all its bounds
   * keeps rounding monotone across them, so that a value that meets one never prints beyond it.
   */
  private static int scale(ThresholdSpec threshold) {
    return DoubleStream.of(threshold.min(), threshold.max(), threshold.beatBaselineBy(),
            threshold.maxRegression())
        .filter(Double::isFinite)
        .mapToInt(ThresholdCheck::scale)
        .max().orElse(MIN_SCALE);
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

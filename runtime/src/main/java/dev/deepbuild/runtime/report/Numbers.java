package dev.deepbuild.runtime.report;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.runtime.gate.CheckOutcome;
import dev.deepbuild.runtime.model.ThresholdSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/** How the reports write numbers and metric names. */
final class Numbers {
  /** Decimals of a metric value: enough to tell one Iris flower (0.033) from rounding. */
  private static final int DECIMALS = 4;

  private Numbers() {}

  /** A metric value with {@value #DECIMALS} decimals. */
  static String value(double value) {
    return value(value, RoundingMode.HALF_EVEN);
  }

  /**
   * A checked value, rounded toward failure as the check's message is, so that a value that missed
   * its minimum never shows as equal to it.
   */
  static String actual(CheckOutcome check) {
    ThresholdSpec threshold = check.threshold();
    double actual = check.actual();
    RoundingMode rounding = RoundingMode.HALF_EVEN;
    if (!check.passed() && threshold.hasMin() && actual < threshold.min()) {
      rounding = RoundingMode.FLOOR;
    } else if (!check.passed() && threshold.hasMax() && actual > threshold.max()) {
      rounding = RoundingMode.CEILING;
    }
    return value(actual, rounding);
  }

  /** A threshold's limit as it was written: {@code 0.9}, {@code 2.9}. */
  static String limit(double limit) {
    return new BigDecimal(Double.toString(limit)).stripTrailingZeros().toPlainString();
  }

  /** A threshold's bounds, such as {@code ≥ 0.9} or {@code ≥ 0.1 and ≤ 0.5}. */
  static String bounds(ThresholdSpec threshold, String atLeast, String atMost) {
    String min = threshold.hasMin() ? atLeast + " " + limit(threshold.min()) : "";
    String max = threshold.hasMax() ? atMost + " " + limit(threshold.max()) : "";
    return min.isEmpty() || max.isEmpty() ? min + max : min + " and " + max;
  }

  static String seconds(double seconds) {
    return String.format(Locale.ROOT, "%.1f s", seconds);
  }

  /** A metric's name in tables and charts: its key, with the usual capitals of abbreviations. */
  static String name(Metric metric) {
    return switch (metric) {
      case F1 -> "F1";
      case MAE, MSE, RMSE -> metric.key().toUpperCase(Locale.ROOT);
      case R2 -> "R²";
      default -> metric.key();
    };
  }

  private static String value(double value, RoundingMode rounding) {
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "−∞";
    }
    // The shortest decimal that reads back as the double: 0.4 is 0.4, not 0.40000000000000002.
    return BigDecimal.valueOf(value).setScale(DECIMALS, rounding).toPlainString();
  }
}

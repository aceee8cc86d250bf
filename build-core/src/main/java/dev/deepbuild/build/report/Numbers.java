package dev.deepbuild.build.report;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.gate.CheckOutcome;
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
    if (Double.isNaN(value)) {
      return "NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "∞" : "−∞";
    }
    // The shortest decimal that reads back as the double: 0.4 is 0.4, not 0.40000000000000002.
    return BigDecimal.valueOf(value).setScale(DECIMALS, RoundingMode.HALF_EVEN).toPlainString();
  }

  /**
   * A check's bounds as its message printed them, such as {@code ≥ 0.900},
   * {@code ≥ 0.100 and ≤ 0.500} or {@code ≥ 0.853 (the baseline's 0.753 plus 0.100)}.
   */
  static String bounds(CheckOutcome check, String atLeast, String atMost) {
    return String.join(" and ",
        check.bounds().stream().map(bound -> bound.withSign(atLeast, atMost)).toList());
  }

  /**
   * How far {@code value} is from {@code reference}, signed, with {@value #DECIMALS} decimals:
   * {@code +0.0120}, {@code −0.0190}, or {@code ±0} when they print the same.
   */
  static String difference(double value, double reference) {
    if (!Double.isFinite(value) || !Double.isFinite(reference)) {
      return "NaN";
    }
    BigDecimal change = BigDecimal.valueOf(value).subtract(BigDecimal.valueOf(reference))
        .setScale(DECIMALS, RoundingMode.HALF_EVEN);
    return change.signum() == 0 ? "±0"
        : (change.signum() > 0 ? "+" : "−") + change.abs().toPlainString();
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
}

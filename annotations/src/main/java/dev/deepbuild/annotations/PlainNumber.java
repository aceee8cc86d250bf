package dev.deepbuild.annotations;

import java.math.BigDecimal;

/** Numbers in messages, as a person writes them in a {@code @Threshold} or a pom rule alike. */
public final class PlainNumber {
  private PlainNumber() {}

  /** 0 and 1 rather than 0.0 and 1.0, 0.0001 rather than 1.0E-4; Infinity and NaN as they are. */
  public static String of(double value) {
    return Double.isFinite(value)
        ? BigDecimal.valueOf(value).stripTrailingZeros().toPlainString()
        : Double.toString(value);
  }
}

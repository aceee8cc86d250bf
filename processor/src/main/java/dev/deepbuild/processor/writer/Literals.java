package dev.deepbuild.processor.writer;

import java.math.BigDecimal;

/**
 * Numbers and characters as Java source, written as a person would: {@code 0.8} rather than
 * {@code 0.7999999999999999}, {@code 1e-7} rather than {@code 1.0E-7}.
 */
final class Literals {

  private Literals() {}

  /** A double literal that reads back as exactly the given double. */
  static String decimal(double value) {
    if (Double.isNaN(value)) {
      return "Double.NaN";
    }
    if (Double.isInfinite(value)) {
      return value > 0 ? "Double.POSITIVE_INFINITY" : "Double.NEGATIVE_INFINITY";
    }
    // Double.toString gives the shortest decimal that reads back as the same double.
    String text = Double.toString(value);
    int exponent = text.indexOf('E');
    if (exponent < 0) {
      return text;
    }
    String mantissa = text.substring(0, exponent);
    if (mantissa.endsWith(".0")) {
      mantissa = mantissa.substring(0, mantissa.length() - 2);
    }
    return mantissa + "e" + text.substring(exponent + 1);
  }

  /** {@code 1 - fraction}, computed on the decimals as written, so that 1 - 0.2 is 0.8. */
  static String complement(double fraction) {
    return decimal(BigDecimal.ONE.subtract(BigDecimal.valueOf(fraction)).doubleValue());
  }

  /** A fraction as a percentage for comments: 0.2 is {@code 20%}, 0.125 {@code 12.5%}. */
  static String percent(double fraction) {
    BigDecimal percent = BigDecimal.valueOf(fraction).movePointRight(2).stripTrailingZeros();
    return percent.toPlainString() + "%";
  }

  static String character(char c) {
    return switch (c) {
      case '\t' -> "'\\t'";
      case '\'' -> "'\\''";
      case '\\' -> "'\\\\'";
      default -> c >= 0x20 && c < 0x7f ? "'" + c + "'" : String.format("'\\u%04x'", (int) c);
    };
  }
}

package dev.deepbuild.build.gate;

/**
 * One side of a threshold as its check printed it, so that the log, the reports and the JUnit XML
 * show the same numbers: the value it allows at the least or the most and, for a bound that the
 * threshold's baseline margin derives, where that value comes from.
 *
 * @param minimum whether values below it fail; otherwise values above it do
 * @param value the value compared with
 * @param printed the value as printed: a written bound as it is, a derived one rounded toward
 *     failure (a minimum up, a maximum down), so that no value that fails prints as reaching it
 * @param origin how a derived bound was computed, such as {@code the baseline's 0.753 plus 0.100};
 *     empty for a written one
 */
public record Bound(boolean minimum, double value, String printed, String origin) {

  /** Whether {@code actual} lies beyond this side. */
  boolean violatedBy(double actual) {
    return minimum ? actual < value : actual > value;
  }

  /**
   * As a check's message words it: {@code minimum is 0.853 (the baseline's 0.753 plus 0.100)} in
   * a violation, {@code minimum 0.853: the baseline's 0.753 plus 0.100} in a pass.
   */
  String describe(boolean violated) {
    String bound = (minimum ? "minimum" : "maximum") + (violated ? " is " : " ") + printed;
    if (origin.isEmpty()) {
      return bound;
    }
    return violated ? bound + " (" + origin + ")" : bound + ": " + origin;
  }

  /**
   * With comparison signs, for tables and test names: {@code >= 0.900}, or
   * {@code >= 0.853 (the baseline's 0.753 plus 0.100)}.
   */
  public String withSign(String atLeast, String atMost) {
    return (minimum ? atLeast : atMost) + " " + printed
        + (origin.isEmpty() ? "" : " (" + origin + ")");
  }
}

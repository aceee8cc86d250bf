package dev.deepbuild.build.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One axis of a chart: the range it spans and its ticks at round values, steps of 1, 2 or 5 times a
 * power of ten, labelled with as many decimals as the step needs.
 *
 * @param min the value at the axis's start
 * @param max the value at its end
 * @param step the distance between ticks
 */
record Axis(double min, double max, double step) {

  /**
   * An axis for values from {@code low} to {@code high} that ends on ticks, as a value axis
   * should, so that the highest and lowest values sit on or within a labelled grid line.
   */
  static Axis rounded(double low, double high, int ticks) {
    double[] range = widened(low, high);
    double step = step(range[0], range[1], ticks, false);
    return new Axis(Math.floor(range[0] / step) * step, Math.ceil(range[1] / step) * step, step);
  }

  /**
   * An axis over exactly {@code low} to {@code high} with whole-number ticks inside, as epochs
   * need: the first and last epoch sit at the ends, whatever their ticks.
   */
  static Axis whole(double low, double high, int ticks) {
    double[] range = widened(low, high);
    return new Axis(range[0], range[1], step(range[0], range[1], ticks, true));
  }

  /** The tick values from the first multiple of the step at or after {@link #min}. */
  List<Double> ticks() {
    List<Double> ticks = new ArrayList<>();
    long first = (long) Math.ceil(min / step - 1e-9);
    for (long k = first; k * step <= max + step * 1e-9; k++) {
      ticks.add(k * step);
    }
    return ticks;
  }

  /** A tick's label: {@code 0.25} with a step of 0.05, {@code 20} with a step of 10. */
  String label(double tick) {
    int decimals = Math.max(0, (int) -Math.floor(Math.log10(step) + 1e-9));
    String text = String.format(Locale.ROOT, "%." + decimals + "f", tick);
    // -0.00 reads as a different number from 0.00.
    return text.matches("-0\\.?0*") ? text.substring(1) : text;
  }

  /** Where {@code value} falls between the axis's ends: 0 at {@link #min}, 1 at {@link #max}. */
  double fraction(double value) {
    return (value - min) / (max - min);
  }

  /** A range with room to draw: a single value gets a margin either side. */
  private static double[] widened(double low, double high) {
    if (high > low) {
      return new double[] {low, high};
    }
    double margin = low == 0 ? 1 : Math.abs(low) * 0.1;
    return new double[] {low - margin, high + margin};
  }

  /**
   * The round step nearest to a {@code ticks}-th of the range; a larger one while that would crowd
   * the axis with more than half as many ticks again as asked for.
   */
  private static double step(double low, double high, int ticks, boolean whole) {
    double raw = (high - low) / Math.max(1, ticks);
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double normalized = raw / magnitude;
    double step = (normalized < 1.5 ? 1 : normalized < 3 ? 2 : normalized < 7 ? 5 : 10) * magnitude;
    if (whole) {
      step = Math.max(1, Math.round(step));
    }
    while (Math.ceil(high / step - 1e-9) - Math.floor(low / step + 1e-9) + 1 > ticks * 1.5) {
      step = larger(step);
    }
    return step;
  }

  /** The next round step: 1, 2, 5, 10, 20, 50 and so on, times a power of ten. */
  private static double larger(double step) {
    double magnitude = Math.pow(10, Math.floor(Math.log10(step) + 1e-9));
    double normalized = Math.round(step / magnitude);
    return (normalized < 2 ? 2 : normalized < 5 ? 5 : 10) * magnitude;
  }
}

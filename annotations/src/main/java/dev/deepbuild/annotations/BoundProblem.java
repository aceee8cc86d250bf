package dev.deepbuild.annotations;

import java.util.ArrayList;
import java.util.List;

/**
 * What is wrong with the bounds of a threshold, as {@link #of} decides it for a {@code @Threshold}
 * at compile time and for a rule of the build's configuration alike: the one rule of which bounds
 * a metric can meet. Each side words the problem where it points (an annotation value, a pom
 * element).
 */
public enum BoundProblem {
  /** No minimum, maximum, baseline margin or regression tolerance. */
  NO_BOUND(true),
  /** The minimum is infinite, so every value meets it or none does. */
  MIN_NOT_FINITE(true),
  /** The maximum is infinite, so every value meets it or none does. */
  MAX_NOT_FINITE(true),
  /** The minimum is above the maximum, so no value passes. */
  MIN_ABOVE_MAX(true),
  /** The minimum is above the metric's {@link Metric#highest()}, such as accuracy above 1. */
  MIN_ABOVE_HIGHEST(true),
  /** The maximum is below the metric's {@link Metric#lowest()}, such as a negative error. */
  MAX_BELOW_LOWEST(true),
  /** The minimum is below the metric's lowest value, so every value meets it. */
  MIN_BELOW_LOWEST(false),
  /** The maximum is above the metric's highest value, so every value meets it. */
  MAX_ABOVE_HIGHEST(false),
  /** The baseline margin is zero, negative or infinite. */
  MARGIN_NOT_POSITIVE(true),
  /** The metric has no baseline ({@link Metric#hasBaseline()}): the loss. */
  NO_BASELINE_METRIC(true),
  /** The split has no baseline ({@link DataSplit#hasBaseline()}): the k-fold folds. */
  NO_BASELINE_SPLIT(true),
  /** The margin exceeds the metric's whole range, so no model beats the baseline by it. */
  MARGIN_ABOVE_RANGE(true),
  /** The regression tolerance is negative or infinite. */
  REGRESSION_NOT_FINITE_OR_NEGATIVE(true),
  /**
   * The regression tolerance spans the metric's whole range, so every value meets it, such as an
   * accuracy that may lose 1.
   */
  REGRESSION_ABOVE_RANGE(false);

  private final boolean error;

  BoundProblem(boolean error) {
    this.error = error;
  }

  /**
   * Whether the bounds are refused: nothing is bounded, or no value can pass, or the number makes
   * no sense; otherwise the bound is legal but always met.
   */
  public boolean error() {
    return error;
  }

  /**
   * The problems of a threshold's bounds, in the order they are reported; empty when it has none.
   * NaN leaves a bound unset. An infinite bound is checked no further. Of the baseline margin's
   * problems, only the first is reported.
   *
   * @param maxRegression how much worse than its accepted value the metric may be, zero or more,
   *     in the metric's direction ({@link Metric#higherIsBetter()}); every metric and split has an
   *     accepted value once {@code dl:accept} recorded one
   */
  public static List<BoundProblem> of(Metric metric, DataSplit on, double min, double max,
      double beatBaselineBy, double maxRegression) {
    List<BoundProblem> problems = new ArrayList<>();
    if (Double.isNaN(min) && Double.isNaN(max) && Double.isNaN(beatBaselineBy)
        && Double.isNaN(maxRegression)) {
      problems.add(NO_BOUND);
    }
    if (Double.isInfinite(min)) {
      problems.add(MIN_NOT_FINITE);
      min = Double.NaN;
    }
    if (Double.isInfinite(max)) {
      problems.add(MAX_NOT_FINITE);
      max = Double.NaN;
    }
    if (min > max) {
      problems.add(MIN_ABOVE_MAX);
    }
    if (min > metric.highest()) {
      problems.add(MIN_ABOVE_HIGHEST);
    }
    if (max < metric.lowest()) {
      problems.add(MAX_BELOW_LOWEST);
    }
    if (min < metric.lowest()) {
      problems.add(MIN_BELOW_LOWEST);
    }
    if (max > metric.highest()) {
      problems.add(MAX_ABOVE_HIGHEST);
    }
    if (!Double.isNaN(beatBaselineBy)) {
      if (!(beatBaselineBy > 0 && Double.isFinite(beatBaselineBy))) {
        problems.add(MARGIN_NOT_POSITIVE);
      } else if (!metric.hasBaseline()) {
        problems.add(NO_BASELINE_METRIC);
      } else if (!on.hasBaseline()) {
        problems.add(NO_BASELINE_SPLIT);
      } else if (beatBaselineBy > metric.range()) {
        problems.add(MARGIN_ABOVE_RANGE);
      }
    }
    if (!Double.isNaN(maxRegression)) {
      if (!(maxRegression >= 0 && Double.isFinite(maxRegression))) {
        problems.add(REGRESSION_NOT_FINITE_OR_NEGATIVE);
      } else if (maxRegression >= metric.range()) {
        problems.add(REGRESSION_ABOVE_RANGE);
      }
    }
    return List.copyOf(problems);
  }
}

package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * A bound the trained model's metric must meet: {@code min <= value <= max}, better than the
 * common-sense baseline's value by at least {@code beatBaselineBy}, and worse than the accepted
 * value by at most {@code maxRegression}, in the metric's direction; NaN leaves a bound open, as
 * in {@code @Threshold}.
 *
 * @param output the output whose metric is bounded, in a model of several; empty for the model's
 */
public record ThresholdDescription(Metric metric, DataSplit on, double min, double max,
    double beatBaselineBy, double maxRegression, String output) {

  public ThresholdDescription {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(output, "output");
    if (!Double.isNaN(beatBaselineBy)) {
      if (!(beatBaselineBy > 0 && Double.isFinite(beatBaselineBy))) {
        throw new IllegalArgumentException(
            "beatBaselineBy must be positive and finite: " + beatBaselineBy);
      }
      if (metric == Metric.LOSS || on == DataSplit.KFOLD_MEAN || on == DataSplit.KFOLD_WORST) {
        throw new IllegalArgumentException(
            "no baseline is measured for " + metric + " on " + on);
      }
    }
    if (!Double.isNaN(maxRegression) && !(maxRegression >= 0 && Double.isFinite(maxRegression))) {
      throw new IllegalArgumentException(
          "maxRegression must be zero or more and finite: " + maxRegression);
    }
  }

  /** A bound without a regression tolerance. */
  public ThresholdDescription(Metric metric, DataSplit on, double min, double max,
      double beatBaselineBy, String output) {
    this(metric, on, min, max, beatBaselineBy, Double.NaN, output);
  }

  /** A bound on the model's metric. */
  public ThresholdDescription(
      Metric metric, DataSplit on, double min, double max, double beatBaselineBy) {
    this(metric, on, min, max, beatBaselineBy, "");
  }

  /** A bound with no baseline margin. */
  public ThresholdDescription(Metric metric, DataSplit on, double min, double max) {
    this(metric, on, min, max, Double.NaN);
  }

  public boolean hasMaxRegression() {
    return !Double.isNaN(maxRegression);
  }

  public boolean hasBaselineMargin() {
    return !Double.isNaN(beatBaselineBy);
  }
}

package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * A bound the trained model's metric must meet: {@code min <= value <= max}, and better than the
 * common-sense baseline's value by at least {@code beatBaselineBy}, in the metric's direction;
 * NaN leaves a bound open, as in {@code @Threshold}.
 */
public record ThresholdDescription(
    Metric metric, DataSplit on, double min, double max, double beatBaselineBy) {

  public ThresholdDescription {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(on, "on");
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
  }

  /** A bound with no baseline margin. */
  public ThresholdDescription(Metric metric, DataSplit on, double min, double max) {
    this(metric, on, min, max, Double.NaN);
  }

  public boolean hasBaselineMargin() {
    return !Double.isNaN(beatBaselineBy);
  }
}

package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * A bound on one metric of one data split: {@code min <= value <= max}, and better than the
 * common-sense baseline's value by at least {@code beatBaselineBy}; NaN leaves a bound open.
 */
public record ThresholdSpec(Metric metric, DataSplit on, double min, double max, double beatBaselineBy) {

  public ThresholdSpec {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(on, "on");
  }

  /** A bound with no baseline margin. */
  public ThresholdSpec(Metric metric, DataSplit on, double min, double max) {
    this(metric, on, min, max, Double.NaN);
  }

  public boolean hasBaselineMargin() {
    return !Double.isNaN(beatBaselineBy);
  }

  public boolean hasMin() {
    return !Double.isNaN(min);
  }

  public boolean hasMax() {
    return !Double.isNaN(max);
  }
}

package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * A bound on one metric of one data split: {@code min <= value <= max}, where NaN leaves that side
 * open.
 */
public record ThresholdSpec(Metric metric, DataSplit on, double min, double max) {

  public ThresholdSpec {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(on, "on");
  }

  public boolean hasMin() {
    return !Double.isNaN(min);
  }

  public boolean hasMax() {
    return !Double.isNaN(max);
  }
}

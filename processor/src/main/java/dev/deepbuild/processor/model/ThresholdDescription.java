package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * A bound the trained model's metric must meet: {@code min <= value <= max}, where NaN leaves
 * that side open, as in {@code @Threshold}.
 */
public record ThresholdDescription(Metric metric, DataSplit on, double min, double max) {

  public ThresholdDescription {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(on, "on");
  }
}

package dev.deepbuild.build.gate;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * A bound on one metric of one data split: {@code min <= value <= max}, better than the
 * common-sense baseline's value by at least {@code beatBaselineBy}, and worse than the accepted
 * value ({@code dl:accept}) by at most {@code maxRegression}; NaN leaves a bound open.
 * Generated code names its bounds: {@code ThresholdSpec.min(Metric.ACCURACY, 0.9).max(0.99)
 * .on(DataSplit.VALIDATION)}; the split is the test split unless {@link #on(DataSplit)} says
 * otherwise.
 */
public record ThresholdSpec(Metric metric, DataSplit on, double min, double max,
    double beatBaselineBy, double maxRegression, String output) {

  public ThresholdSpec {
    Objects.requireNonNull(metric, "metric");
    Objects.requireNonNull(on, "on");
    Objects.requireNonNull(output, "output");
  }

  /** A bound without a regression tolerance. */
  public ThresholdSpec(
      Metric metric, DataSplit on, double min, double max, double beatBaselineBy, String output) {
    this(metric, on, min, max, beatBaselineBy, Double.NaN, output);
  }

  /** A bound on the model's metric, not one output's. */
  public ThresholdSpec(Metric metric, DataSplit on, double min, double max, double beatBaselineBy) {
    this(metric, on, min, max, beatBaselineBy, "");
  }

  /** A bound with no baseline margin. */
  public ThresholdSpec(Metric metric, DataSplit on, double min, double max) {
    this(metric, on, min, max, Double.NaN);
  }

  /** The smallest passing test value of {@code metric}. */
  public static ThresholdSpec min(Metric metric, double min) {
    return new ThresholdSpec(metric, DataSplit.TEST, min, Double.NaN);
  }

  /** The largest passing test value of {@code metric}. */
  public static ThresholdSpec max(Metric metric, double max) {
    return new ThresholdSpec(metric, DataSplit.TEST, Double.NaN, max);
  }

  /** How much better than the baseline's the test value of {@code metric} must be. */
  public static ThresholdSpec beatBaseline(Metric metric, double by) {
    return new ThresholdSpec(metric, DataSplit.TEST, Double.NaN, Double.NaN, by);
  }

  /** How much worse than its accepted value the test value of {@code metric} may be. */
  public static ThresholdSpec maxRegression(Metric metric, double tolerance) {
    return new ThresholdSpec(
        metric, DataSplit.TEST, Double.NaN, Double.NaN, Double.NaN, tolerance, "");
  }

  /** This threshold with a minimum as well. */
  public ThresholdSpec min(double min) {
    return new ThresholdSpec(metric, on, min, max, beatBaselineBy, maxRegression, output);
  }

  /** This threshold with a maximum as well. */
  public ThresholdSpec max(double max) {
    return new ThresholdSpec(metric, on, min, max, beatBaselineBy, maxRegression, output);
  }

  /** This threshold, also asking to beat the baseline by {@code by}. */
  public ThresholdSpec beatBaselineBy(double by) {
    return new ThresholdSpec(metric, on, min, max, by, maxRegression, output);
  }

  /** This threshold, also allowing at most {@code tolerance} worse than the accepted value. */
  public ThresholdSpec maxRegression(double tolerance) {
    return new ThresholdSpec(metric, on, min, max, beatBaselineBy, tolerance, output);
  }

  /** This threshold on another split. */
  public ThresholdSpec on(DataSplit split) {
    return new ThresholdSpec(metric, split, min, max, beatBaselineBy, maxRegression, output);
  }

  /** This threshold on one output of a model of several, such as {@code topic}. */
  public ThresholdSpec onOutput(String output) {
    return new ThresholdSpec(metric, on, min, max, beatBaselineBy, maxRegression, output);
  }

  /** Whether the bound is on one output's metric rather than the model's. */
  public boolean perOutput() {
    return !output.isEmpty();
  }

  /** What is bounded, as messages name it: {@code test accuracy}, {@code topic test accuracy}. */
  public String subject() {
    return (perOutput() ? output + " " : "") + on.label() + " " + metric.key();
  }

  public boolean hasBaselineMargin() {
    return !Double.isNaN(beatBaselineBy);
  }

  public boolean hasMaxRegression() {
    return !Double.isNaN(maxRegression);
  }

  public boolean hasMin() {
    return !Double.isNaN(min);
  }

  public boolean hasMax() {
    return !Double.isNaN(max);
  }
}

package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * Early stopping, as {@code @EarlyStopping} says. Generated code names what differs from the
 * annotation's defaults: {@code EarlyStoppingSpec.on(Metric.MAE).patience(3).minDelta(0.05)
 * .restoreBestWeights(false)}.
 *
 * @param monitor the validation metric watched; its direction follows from the metric
 * @param patience epochs without improvement before training stops
 * @param minDelta the smallest change that counts as an improvement
 * @param restoreBestWeights whether the best epoch's weights become the model's
 * @param output the output whose metric is watched, in a model of several; empty for the model's
 */
public record EarlyStoppingSpec(
    Metric monitor, int patience, double minDelta, boolean restoreBestWeights, String output) {
  /** {@code @EarlyStopping}'s defaults, which {@code SpecDefaultsTest} holds to it. */
  static final int DEFAULT_PATIENCE = 5;

  public EarlyStoppingSpec {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(output, "output");
  }

  /** Early stopping on the model's metric. */
  public EarlyStoppingSpec(Metric monitor, int patience, double minDelta, boolean restoreBestWeights) {
    this(monitor, patience, minDelta, restoreBestWeights, "");
  }

  /**
   * Watches {@code monitor} with the annotation's defaults: a patience of 5 epochs, any
   * improvement, the best epoch's weights kept.
   */
  public static EarlyStoppingSpec on(Metric monitor) {
    return new EarlyStoppingSpec(monitor, DEFAULT_PATIENCE, 0, true);
  }

  public EarlyStoppingSpec patience(int epochs) {
    return new EarlyStoppingSpec(monitor, epochs, minDelta, restoreBestWeights, output);
  }

  public EarlyStoppingSpec minDelta(double delta) {
    return new EarlyStoppingSpec(monitor, patience, delta, restoreBestWeights, output);
  }

  /** {@code false} keeps the last epoch's weights. */
  public EarlyStoppingSpec restoreBestWeights(boolean restore) {
    return new EarlyStoppingSpec(monitor, patience, minDelta, restore, output);
  }

  /** Watches the monitor of one output of a model of several, such as {@code topic}. */
  public EarlyStoppingSpec onOutput(String output) {
    return new EarlyStoppingSpec(monitor, patience, minDelta, restoreBestWeights, output);
  }
}

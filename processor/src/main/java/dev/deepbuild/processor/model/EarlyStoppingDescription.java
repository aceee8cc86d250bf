package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * Early stopping ({@code @EarlyStopping}): training stops when the validation {@code monitor} has
 * not improved for {@code patience} epochs, as Keras's {@code EarlyStopping}.
 *
 * @param monitor the validation metric watched; its direction follows from the metric
 * @param patience epochs without improvement before training stops, at least 1
 * @param minDelta the smallest change that counts as an improvement, 0 or more
 * @param restoreBestWeights whether the best epoch's weights become the model's
 * @param output the output whose metric is watched, in a model of several; empty for the model's
 */
public record EarlyStoppingDescription(
    Metric monitor, int patience, double minDelta, boolean restoreBestWeights, String output) {

  public EarlyStoppingDescription {
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(output, "output");
    if (patience < 1) {
      throw new IllegalArgumentException("patience must be at least 1: " + patience);
    }
    if (!(minDelta >= 0 && Double.isFinite(minDelta))) {
      throw new IllegalArgumentException("minDelta must be finite and 0 or more: " + minDelta);
    }
  }
}

package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * Early stopping, as {@code @EarlyStopping} says.
 *
 * @param monitor the validation metric watched; its direction follows from the metric
 * @param patience epochs without improvement before training stops
 * @param minDelta the smallest change that counts as an improvement
 * @param restoreBestWeights whether the best epoch's weights become the model's
 */
public record EarlyStoppingSpec(Metric monitor, int patience, double minDelta, boolean restoreBestWeights) {
  public EarlyStoppingSpec {
    Objects.requireNonNull(monitor, "monitor");
  }
}

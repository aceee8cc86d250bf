package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.Metric;
import java.util.Map;

/**
 * One epoch of a learning curve: the metrics on the training and validation data after the epoch
 * (validation empty when the model has no validation split). Loss is {@link Metric#LOSS}.
 */
public record EpochRecord(int epoch, Map<Metric, Double> training, Map<Metric, Double> validation) {
  public EpochRecord {
    training = Map.copyOf(training);
    validation = Map.copyOf(validation);
  }
}

package dev.deepbuild.build.result;

import dev.deepbuild.annotations.Metric;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One epoch of a learning curve: the training metrics of the minibatches the epoch fitted, each
 * from its training forward pass ({@link EpochLoop}), and the validation metrics after the epoch,
 * in inference mode (empty when the model has no validation split). Loss is {@link Metric#LOSS}.
 * A network of several outputs has its total loss here and each output's loss and metrics by
 * output name.
 */
public record EpochRecord(
    int epoch,
    Map<Metric, Double> training,
    Map<Metric, Double> validation,
    Map<String, Map<Metric, Double>> trainingOutputs,
    Map<String, Map<Metric, Double>> validationOutputs) {

  public EpochRecord {
    training = Map.copyOf(training);
    validation = Map.copyOf(validation);
    // Outputs keep the network's order, in which logs and reports list them.
    trainingOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(trainingOutputs));
    validationOutputs = Collections.unmodifiableMap(new LinkedHashMap<>(validationOutputs));
  }

  /** The validation metrics of the named output, or the model's for {@code ""}; empty if none. */
  public Map<Metric, Double> validation(String output) {
    return output.isEmpty() ? validation : validationOutputs.getOrDefault(output, Map.of());
  }

  /** An epoch of a network of one output. */
  public EpochRecord(int epoch, Map<Metric, Double> training, Map<Metric, Double> validation) {
    this(epoch, training, validation, Map.of(), Map.of());
  }
}

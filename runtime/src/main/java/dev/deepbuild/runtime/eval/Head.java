package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.network.NetworkOutput;

/**
 * One output of a network with several, measured on its own: Keras's {@code topic_loss} and
 * {@code topic_accuracy}.
 *
 * @param name the output's name
 * @param task what the output predicts, which decides its metrics
 * @param output the network's output layer, whose loss function measures its loss
 */
public record Head(String name, Task task, NetworkOutput output) {
  MetricAccumulator accumulator() {
    return MetricAccumulator.of(task);
  }
}

package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;

/** Collects a task's metrics over the chunks of one data split. */
interface MetricAccumulator {
  /** Adds a chunk: its labels and the network's outputs, one row per sample. */
  void add(INDArray labels, INDArray outputs);

  /** A new accumulator of the metrics of {@code task}. */
  static MetricAccumulator of(Task task) {
    return task == Task.CLASSIFICATION ? new ClassificationMetrics() : new RegressionMetrics();
  }

  /** The metrics over everything added, without the loss. */
  Map<Metric, Double> values();
}

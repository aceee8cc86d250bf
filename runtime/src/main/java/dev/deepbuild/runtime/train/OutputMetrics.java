package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.runtime.eval.Evaluation;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/** Each output's metrics per split, of a model of several outputs. */
final class OutputMetrics {
  private OutputMetrics() {}

  /**
   * Each output's training metrics of the final model, validation metrics of the kept epoch and
   * test metrics, by output name; empty for a model of one output.
   */
  static Map<String, Map<DataSplit, Map<Metric, Double>>> bySplit(Evaluation train,
      EpochRecord kept, Evaluation test) {
    Map<String, Map<DataSplit, Map<Metric, Double>>> outputs = new LinkedHashMap<>();
    train.outputs().forEach((output, values) -> {
      Map<DataSplit, Map<Metric, Double>> splits = new EnumMap<>(DataSplit.class);
      splits.put(DataSplit.TRAIN, values);
      Map<Metric, Double> validation = kept.validationOutputs().get(output);
      if (validation != null) {
        splits.put(DataSplit.VALIDATION, validation);
      }
      splits.put(DataSplit.TEST, test.outputs().get(output));
      outputs.put(output, splits);
    });
    return outputs;
  }
}

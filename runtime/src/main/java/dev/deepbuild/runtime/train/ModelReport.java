package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What training a model produced: its final metrics on each data split, its learning curve and how
 * long it took. Written as {@code metrics.json} beside the saved model.
 *
 * @param model the model's name
 * @param declaringClass the annotated class
 * @param task classification or regression
 * @param seed the seed it was trained with
 * @param metrics the trained model's metrics per split (a split the model has no rows for is absent)
 * @param history one record per epoch, in order
 * @param trainingSeconds wall-clock time of loading, training and evaluating
 * @param kFold what K-fold cross-validation measured; null without it
 */
public record ModelReport(
    String model,
    String declaringClass,
    Task task,
    long seed,
    Map<DataSplit, Map<Metric, Double>> metrics,
    List<EpochRecord> history,
    double trainingSeconds,
    KFoldReport kFold) {

  public ModelReport {
    metrics = Map.copyOf(metrics);
    history = List.copyOf(history);
  }

  /** The value of a metric on a split, if the model has it. */
  public OptionalDouble metric(DataSplit split, Metric metric) {
    Map<Metric, Double> values = metrics.get(split);
    Double value = values == null ? null : values.get(metric);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}

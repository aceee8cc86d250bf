package dev.deepbuild.build.result;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import java.util.Collections;
import java.util.LinkedHashMap;
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
 * @param confusion the classifier's confusion matrix on the test split; null for a regressor
 * @param provenance what the model was trained with, and the fingerprint that decides whether a
 *     later build may reuse it; null when unknown
 * @param baseline the common-sense baseline's metrics per split (the majority class, or the mean
 *     target, of the training split), to compare the model with; empty when not measured
 * @param outputs with several outputs, each one's metrics per split, by output name; empty with one
 * @param outputBaselines with several outputs, each one's baseline per split; empty with one
 */
public record ModelReport(
    String model,
    String declaringClass,
    Task task,
    long seed,
    Map<DataSplit, Map<Metric, Double>> metrics,
    List<EpochRecord> history,
    double trainingSeconds,
    KFoldReport kFold,
    ConfusionCounts confusion,
    Provenance provenance,
    Map<DataSplit, Map<Metric, Double>> baseline,
    Map<String, Map<DataSplit, Map<Metric, Double>>> outputs,
    Map<String, Map<DataSplit, Map<Metric, Double>>> outputBaselines) {

  public ModelReport {
    metrics = Map.copyOf(metrics);
    history = List.copyOf(history);
    baseline = baseline == null ? Map.of() : Map.copyOf(baseline);
    // Outputs keep the network's order, in which reports list them.
    outputs = outputs == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
    outputBaselines = outputBaselines == null ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(outputBaselines));
  }

  /** A report of a model of one output. */
  public ModelReport(String model, String declaringClass, Task task, long seed,
      Map<DataSplit, Map<Metric, Double>> metrics, List<EpochRecord> history,
      double trainingSeconds, KFoldReport kFold, ConfusionCounts confusion, Provenance provenance,
      Map<DataSplit, Map<Metric, Double>> baseline) {
    this(model, declaringClass, task, seed, metrics, history, trainingSeconds, kFold, confusion,
        provenance, baseline, Map.of(), Map.of());
  }

  /** A report without a measured baseline. */
  public ModelReport(String model, String declaringClass, Task task, long seed,
      Map<DataSplit, Map<Metric, Double>> metrics, List<EpochRecord> history,
      double trainingSeconds, KFoldReport kFold, ConfusionCounts confusion, Provenance provenance) {
    this(model, declaringClass, task, seed, metrics, history, trainingSeconds, kFold, confusion,
        provenance, Map.of(), Map.of(), Map.of());
  }

  /** The baseline's value of a metric on a split, if it was measured. */
  public OptionalDouble baseline(DataSplit split, Metric metric) {
    return valueIn(baseline, split, metric);
  }

  /** The value of a metric on a split, if the model has it. */
  public OptionalDouble metric(DataSplit split, Metric metric) {
    return valueIn(metrics, split, metric);
  }

  /** The value of a metric on a split of the named output, or of the model for {@code ""}. */
  public OptionalDouble metric(String output, DataSplit split, Metric metric) {
    return output.isEmpty() ? metric(split, metric)
        : valueIn(outputs.getOrDefault(output, Map.of()), split, metric);
  }

  /** The baseline's value on a split of the named output, or of the model for {@code ""}. */
  public OptionalDouble baseline(String output, DataSplit split, Metric metric) {
    return output.isEmpty() ? baseline(split, metric)
        : valueIn(outputBaselines.getOrDefault(output, Map.of()), split, metric);
  }

  private static OptionalDouble valueIn(
      Map<DataSplit, Map<Metric, Double>> bySplit, DataSplit split, Metric metric) {
    Map<Metric, Double> values = bySplit.get(split);
    Double value = values == null ? null : values.get(metric);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }
}

package dev.deepbuild.build.gate;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ModelReport;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * The metrics of the last accepted version of each model ({@code dl:accept}), which a threshold's
 * {@code maxRegression} compares the current ones with, as MLflow compares a candidate with its
 * baseline model. A model's values are its own ({@link #MODEL}) and, with several outputs, each
 * output's, per split and metric. Models are kept in name order, so the file they are written to
 * diffs well.
 *
 * @param source how messages name where the values come from, such as
 *     {@code src/deepbuild/accepted-metrics.json}
 * @param models each model's accepted values: by output ({@link #MODEL} first), split and metric
 */
public record AcceptedMetrics(
    String source, Map<String, Map<String, Map<DataSplit, Map<Metric, Double>>>> models) {

  /** The output key of a model's own metrics. */
  public static final String MODEL = "";

  /** Where messages say the accepted values go when the build names no file. */
  public static final String DEFAULT_SOURCE = "src/deepbuild/accepted-metrics.json";

  /** No accepted values, as before the first {@code dl:accept}. */
  public static AcceptedMetrics none(String source) {
    return new AcceptedMetrics(source, Map.of());
  }

  public AcceptedMetrics {
    Objects.requireNonNull(source, "source");
    Map<String, Map<String, Map<DataSplit, Map<Metric, Double>>>> sorted = new TreeMap<>();
    models.forEach((model, outputs) -> sorted.put(model, copy(outputs)));
    models = Collections.unmodifiableMap(sorted);
  }

  /** The accepted value, if {@code dl:accept} recorded one for this model, output, split and metric. */
  public OptionalDouble value(String model, String output, DataSplit split, Metric metric) {
    Double value = models.getOrDefault(model, Map.of()).getOrDefault(output, Map.of())
        .getOrDefault(split, Map.of()).get(metric);
    return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
  }

  /**
   * These values with the report's replacing its model's: every finite metric of every split, of
   * the model and of each output. A value that is not finite (a diverged loss) is not accepted.
   */
  public AcceptedMetrics accepting(ModelReport report) {
    Map<String, Map<DataSplit, Map<Metric, Double>>> outputs = new LinkedHashMap<>();
    outputs.put(MODEL, finite(report.metrics()));
    report.outputs().forEach((output, metrics) -> outputs.put(output, finite(metrics)));
    Map<String, Map<String, Map<DataSplit, Map<Metric, Double>>>> changed = new TreeMap<>(models);
    changed.put(report.model(), outputs);
    return new AcceptedMetrics(source, changed);
  }

  private static Map<DataSplit, Map<Metric, Double>> finite(
      Map<DataSplit, Map<Metric, Double>> bySplit) {
    Map<DataSplit, Map<Metric, Double>> kept = new EnumMap<>(DataSplit.class);
    bySplit.forEach((split, values) -> {
      Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
      values.forEach((metric, value) -> {
        if (Double.isFinite(value)) {
          metrics.put(metric, value);
        }
      });
      if (!metrics.isEmpty()) {
        kept.put(split, metrics);
      }
    });
    return kept;
  }

  /** An unmodifiable copy that keeps the outputs' order and sorts splits and metrics by enum. */
  private static Map<String, Map<DataSplit, Map<Metric, Double>>> copy(
      Map<String, Map<DataSplit, Map<Metric, Double>>> outputs) {
    Map<String, Map<DataSplit, Map<Metric, Double>>> copy = new LinkedHashMap<>();
    outputs.forEach((output, bySplit) -> {
      Map<DataSplit, Map<Metric, Double>> splits = new EnumMap<>(DataSplit.class);
      bySplit.forEach((split, values) -> {
        Map<Metric, Double> metrics = new EnumMap<>(Metric.class);
        metrics.putAll(values);
        splits.put(split, Collections.unmodifiableMap(metrics));
      });
      copy.put(output, Collections.unmodifiableMap(splits));
    });
    return Collections.unmodifiableMap(copy);
  }
}

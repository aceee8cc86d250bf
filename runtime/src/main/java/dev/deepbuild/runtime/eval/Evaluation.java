package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * A network's metrics on one data split.
 *
 * @param metrics the model's: its loss and, with one output, that output's metrics
 * @param outputs with several outputs, each one's loss and metrics by output name; empty with one
 */
public record Evaluation(Map<Metric, Double> metrics, Map<String, Map<Metric, Double>> outputs) {
  public Evaluation {
    // In Metric order, as MetricsEvaluator#evaluate promises and the evaluation log line prints them.
    metrics = Collections.unmodifiableMap(
        metrics.isEmpty() ? new EnumMap<>(Metric.class) : new EnumMap<>(metrics));
    outputs = Map.copyOf(outputs);
  }
}

package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network's metrics on one data split.
 *
 * @param metrics the model's: its loss and, with one output, that output's metrics, in {@link
 *     Metric} order
 * @param outputs with several outputs, each one's loss and metrics by output name, in the
 *     network's order; empty with one
 */
public record Evaluation(Map<Metric, Double> metrics, Map<String, Map<Metric, Double>> outputs) {
  public Evaluation {
    // Logs and reports list metrics in Metric order and outputs in the network's.
    metrics = Collections.unmodifiableMap(
        metrics.isEmpty() ? new EnumMap<>(Metric.class) : new EnumMap<>(metrics));
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }
}

package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A network's metrics on one data split.
 *
 * @param metrics the model's: its loss and, with one output, that output's metrics
 * @param outputs with several outputs, each one's loss and metrics by output name; empty with one
 */
public record Evaluation(Map<Metric, Double> metrics, Map<String, Map<Metric, Double>> outputs) {
  public Evaluation {
    metrics = Map.copyOf(metrics);
    // Outputs keep the network's order, in which logs and reports list them.
    outputs = Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }
}

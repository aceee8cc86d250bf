package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ConfusionCounts;
import java.util.Map;

/**
 * A network's metrics on one data split and, for a classifier of one output, its confusion matrix
 * there.
 *
 * @param evaluation as {@link MetricsEvaluator#measure} gives it
 * @param confusion the classifier's confusion matrix; null for a regressor or several outputs
 */
public record SplitEvaluation(Evaluation evaluation, ConfusionCounts confusion) {
  /** The model's metrics. */
  public Map<Metric, Double> metrics() {
    return evaluation.metrics();
  }
}

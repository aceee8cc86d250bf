package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import java.util.Map;

/**
 * A network's metrics on one data split and, for a classifier, its confusion matrix there.
 *
 * @param metrics as {@link MetricsEvaluator#evaluate} gives them
 * @param confusion the classifier's confusion matrix; null for a regressor
 */
public record SplitEvaluation(Map<Metric, Double> metrics, ConfusionCounts confusion) {}

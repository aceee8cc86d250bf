package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.Metric;
import java.util.List;
import java.util.Map;

/**
 * What K-fold cross-validation measured: the validation curve averaged across folds, with its
 * spread, to choose the epoch count by; and each fold's validation metrics after its last epoch.
 *
 * @param k folds per iteration
 * @param iterations how many times the K-fold ran on a new shuffle
 * @param monitored the metric the best epoch is chosen by (accuracy for a classifier, MAE for a
 *     regressor, as in the book)
 * @param bestEpoch the epoch with the best mean validation value of {@code monitored}
 * @param curve per epoch, the mean and standard deviation across folds of each validation metric
 * @param folds each fold's validation metrics after its last epoch, in order
 */
public record KFoldReport(
    int k,
    int iterations,
    Metric monitored,
    int bestEpoch,
    List<EpochStatistics> curve,
    List<Map<Metric, Double>> folds) {

  public KFoldReport {
    curve = List.copyOf(curve);
    folds = folds.stream().map(Map::copyOf).toList();
  }

  /** One epoch of the averaged validation curve. */
  public record EpochStatistics(int epoch, Map<Metric, Double> mean, Map<Metric, Double> deviation) {
    public EpochStatistics {
      mean = Map.copyOf(mean);
      deviation = Map.copyOf(deviation);
    }
  }
}

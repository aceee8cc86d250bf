package dev.deepbuild.build.result;

import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.Metric;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What K-fold cross-validation measured: the validation curve averaged across folds, with its
 * spread, to choose the epoch count by; each fold's validation metrics after its last epoch; and
 * how many epochs the final model trained for.
 *
 * @param k folds per iteration
 * @param iterations how many times the K-fold ran on a new shuffle
 * @param monitored the metric the best epoch is chosen by (accuracy for a classifier, MAE for a
 *     regressor, as in the book)
 * @param bestEpoch the epoch with the best mean validation value of {@code monitored}
 * @param curve per epoch, the mean and standard deviation across folds of each validation metric
 * @param folds each fold's validation metrics after its last epoch, in order
 * @param finalEpochs how the final model's epoch count was chosen: the spec's, or {@code bestEpoch}
 */
public record KFoldReport(
    int k,
    int iterations,
    Metric monitored,
    int bestEpoch,
    List<EpochStatistics> curve,
    List<Map<Metric, Double>> folds,
    FinalEpochs finalEpochs) {

  public KFoldReport {
    curve = List.copyOf(curve);
    folds = folds.stream().map(Map::copyOf).toList();
    Objects.requireNonNull(finalEpochs, "finalEpochs");
  }

  /** A cross-validation after which the final model trained for the spec's epochs. */
  public KFoldReport(int k, int iterations, Metric monitored, int bestEpoch,
      List<EpochStatistics> curve, List<Map<Metric, Double>> folds) {
    this(k, iterations, monitored, bestEpoch, curve, folds, FinalEpochs.DECLARED);
  }

  /** How many epochs the final model trains for: the best mean epoch, or as many as the folds. */
  public int finalEpochCount() {
    return finalEpochs == FinalEpochs.BEST_MEAN ? bestEpoch : curve.size();
  }

  /** One epoch of the averaged validation curve. */
  public record EpochStatistics(int epoch, Map<Metric, Double> mean, Map<Metric, Double> deviation) {
    public EpochStatistics {
      mean = Map.copyOf(mean);
      deviation = Map.copyOf(deviation);
    }
  }
}

package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.eval.Evaluation;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import dev.deepbuild.runtime.eval.SplitMetrics;
import dev.deepbuild.runtime.network.FittedBatch;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * An epoch's training figures, summed minibatch by minibatch from what each fit's training pass
 * measured: its loss, weighted by its rows, and its outputs against its labels, counted as they
 * come (the metrics read them in place, so a minibatch costs no native call of its own).
 */
final class FittedOutputs {
  private final MetricsEvaluator evaluator;
  private final int capacity;
  private SplitMetrics sums;

  /** @param capacity the rows of an epoch */
  FittedOutputs(MetricsEvaluator evaluator, int capacity) {
    this.evaluator = evaluator;
    this.capacity = capacity;
    this.sums = evaluator.sums();
  }

  /** The fitted minibatch of {@code labels}, for {@link FittedBatch}. */
  FittedBatch of(INDArray[] batchLabels) {
    return (loss, batchOutputs) -> sums.add(loss, batchLabels, batchOutputs);
  }

  /**
   * The epoch's loss (the minibatches', weighted by their rows) and metrics; empty when the
   * network did not tell every minibatch's pass. Starts the next epoch.
   */
  Optional<Evaluation> measure() {
    boolean complete = sums.rows() == capacity;
    Optional<Evaluation> epoch = complete ? Optional.of(sums.evaluation()) : Optional.empty();
    sums = evaluator.sums();
    return epoch;
  }
}

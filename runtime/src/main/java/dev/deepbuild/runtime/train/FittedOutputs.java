package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.eval.Evaluation;
import dev.deepbuild.runtime.eval.SplitMetrics;
import dev.deepbuild.runtime.network.FittedBatch;
import java.util.Optional;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * An epoch's training passes as the metrics need them: each minibatch's loss, and its outputs and
 * labels copied into arrays of the epoch's rows, measured once when the epoch ends. Measuring each
 * minibatch on its own cost more than the fit itself for Boston's minibatches of 16 rows (each
 * metric is several native calls); copying costs one call per array.
 */
final class FittedOutputs {
  private final int capacity;
  private INDArray[] outputs;
  private INDArray[] labels;
  private double lossSum;
  private int rows;

  /** @param capacity the rows of an epoch */
  FittedOutputs(int capacity) {
    this.capacity = capacity;
  }

  /** The fitted minibatch of {@code labels}, for {@link FittedBatch}. */
  FittedBatch of(INDArray[] batchLabels) {
    return (loss, batchOutputs) -> add(loss, batchLabels, batchOutputs);
  }

  private void add(double loss, INDArray[] batchLabels, INDArray[] batchOutputs) {
    int batchRows = Math.toIntExact(batchLabels[0].size(0));
    if (outputs == null) {
      outputs = like(batchOutputs);
      labels = like(batchLabels);
    }
    copy(batchOutputs, outputs, batchRows);
    copy(batchLabels, labels, batchRows);
    lossSum += loss * batchRows;
    rows += batchRows;
  }

  /**
   * The epoch's loss (the minibatches', weighted by their rows) and metrics, added to {@code sums}
   * as one piece; empty when the network did not tell every minibatch's pass. Starts the next
   * epoch.
   */
  Optional<Evaluation> measure(SplitMetrics sums) {
    boolean complete = rows == capacity;
    if (complete) {
      sums.add(lossSum / rows, labels, outputs);
    }
    lossSum = 0;
    rows = 0;
    return complete ? Optional.of(sums.evaluation()) : Optional.empty();
  }

  private void copy(INDArray[] from, INDArray[] into, int batchRows) {
    for (int i = 0; i < from.length; i++) {
      into[i].get(NDArrayIndex.interval(rows, rows + batchRows), NDArrayIndex.all()).assign(from[i]);
    }
  }

  private INDArray[] like(INDArray[] batch) {
    INDArray[] arrays = new INDArray[batch.length];
    for (int i = 0; i < batch.length; i++) {
      arrays[i] = Nd4j.create(batch[i].dataType(), capacity, batch[i].size(1));
    }
    return arrays;
  }
}

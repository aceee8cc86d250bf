package dev.deepbuild.runtime.data;

import java.util.function.Consumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/** A split whose arrays are held in memory, gathered into minibatches by {@link ShuffledBatches}. */
final class InMemoryBatches implements Batches {
  private final MultiDataSet data;

  InMemoryBatches(MultiDataSet data) {
    this.data = data;
  }

  @Override
  public int rows() {
    return Math.toIntExact(data.getFeatures(0).size(0));
  }

  @Override
  public long featureBytesPerRow() {
    long bytes = 0;
    for (INDArray features : data.getFeatures()) {
      bytes += features.length() / Math.max(1, features.size(0)) * features.dataType().width();
    }
    return bytes;
  }

  @Override
  public Epochs shuffled(int batchSize, long seed) {
    return new ShuffledBatches(data, batchSize, seed)::nextEpoch;
  }

  @Override
  public void inOrder(int maxRows, Consumer<MultiDataSet> chunk) {
    int rows = rows();
    if (rows <= maxRows) {
      chunk.accept(data);
      return;
    }
    for (int start = 0; start < rows; start += maxRows) {
      int end = Math.min(rows, start + maxRows);
      chunk.accept(new org.nd4j.linalg.dataset.MultiDataSet(
          rows(data.getFeatures(), start, end), rows(data.getLabels(), start, end)));
    }
  }

  @Override
  public INDArray labels(int output) {
    return data.getLabels(output);
  }

  private static INDArray[] rows(INDArray[] arrays, int start, int end) {
    INDArray[] rows = new INDArray[arrays.length];
    for (int i = 0; i < arrays.length; i++) {
      rows[i] = arrays[i].get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
    }
    return rows;
  }
}

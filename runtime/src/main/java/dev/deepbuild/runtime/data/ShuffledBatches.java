package dev.deepbuild.runtime.data;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The training split's minibatches, in a new seeded order each epoch. Each epoch gathers the rows
 * of every input and output array in shuffled order into arrays allocated once (one native gather
 * per array) and hands out views of consecutive rows as minibatches. Allocating the gathered arrays anew cost 3-15 times as much
 * as gathering into the same ones (25,000 x 1,000 floats: 70-290 ms against 19 ms), and gathering
 * each minibatch into a fresh array cost more than training in the IMDB measurements.
 */
final class ShuffledBatches {
  private final MultiDataSet data;
  private final int batchSize;
  private final Random random;
  private final int[] order;
  private final INDArray[] features;
  private final INDArray[] labels;

  ShuffledBatches(MultiDataSet data, int batchSize, long seed) {
    this.data = data;
    this.batchSize = batchSize;
    this.random = new Random(seed);
    this.order = IntStream.range(0, Math.toIntExact(data.getFeatures(0).size(0))).toArray();
    this.features = Arrays.stream(data.getFeatures()).map(INDArray::ulike).toArray(INDArray[]::new);
    this.labels = Arrays.stream(data.getLabels()).map(INDArray::ulike).toArray(INDArray[]::new);
  }

  /** Shuffles the rows and passes each minibatch's features and labels to {@code fit}. */
  void nextEpoch(BiConsumer<INDArray[], INDArray[]> fit) {
    nextEpoch(fit, done -> {});
  }

  /** The same, telling {@code progress} how many rows were trained on after each minibatch. */
  void nextEpoch(BiConsumer<INDArray[], INDArray[]> fit, IntConsumer progress) {
    shuffle();
    gather(data.getFeatures(), features);
    gather(data.getLabels(), labels);
    for (int start = 0; start < order.length; start += batchSize) {
      int end = Math.min(order.length, start + batchSize);
      fit.accept(rows(features, start, end), rows(labels, start, end));
      progress.accept(end);
    }
  }

  /** Fisher-Yates on the previous epoch's order, so the sequence of orders follows from the seed. */
  private void shuffle() {
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
  }

  /**
   * Gathers rows of arrays of any rank, such as a frozen base's feature maps, through matrix views
   * of them: {@code pullRows} takes matrices only.
   */
  private void gather(INDArray[] from, INDArray[] into) {
    for (int i = 0; i < from.length; i++) {
      Nd4j.pullRows(asMatrix(from[i]), asMatrix(into[i]), 1, order);
    }
  }

  private static INDArray asMatrix(INDArray array) {
    return array.rank() == 2 ? array : array.reshape('c', array.size(0), -1);
  }

  private static INDArray[] rows(INDArray[] arrays, int start, int end) {
    INDArray[] rows = new INDArray[arrays.length];
    for (int i = 0; i < arrays.length; i++) {
      INDArrayIndex[] index = new INDArrayIndex[arrays[i].rank()];
      index[0] = NDArrayIndex.interval(start, end);
      Arrays.fill(index, 1, index.length, NDArrayIndex.all());
      rows[i] = arrays[i].get(index);
    }
    return rows;
  }
}

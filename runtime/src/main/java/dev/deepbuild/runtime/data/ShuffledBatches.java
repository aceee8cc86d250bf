package dev.deepbuild.runtime.data;

import java.util.Arrays;
import java.util.Random;
import java.util.function.BiConsumer;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The training split's minibatches, in a new seeded order each epoch. Each minibatch gathers its
 * rows of every input and output array into arrays allocated once, one minibatch large (one
 * native gather per array), and hands out views of them: valid until the next minibatch, as
 * {@link Batches.Epochs} says. Allocating each minibatch's arrays anew cost more than training
 * in the IMDB measurements; gathering the whole split into a second copy each epoch was as fast
 * but doubled the split's memory (two copies of 8,982 dense rows of 20,000 columns: 1.4 GB).
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
    int rows = Math.min(batchSize, order.length);
    this.features = Arrays.stream(data.getFeatures()).map(a -> minibatch(a, rows))
        .toArray(INDArray[]::new);
    this.labels = Arrays.stream(data.getLabels()).map(a -> minibatch(a, rows))
        .toArray(INDArray[]::new);
  }

  /** Shuffles the rows and passes each minibatch's features and labels to {@code fit}. */
  void nextEpoch(BiConsumer<INDArray[], INDArray[]> fit) {
    nextEpoch(fit, done -> {});
  }

  /** The same, telling {@code progress} how many rows were trained on after each minibatch. */
  void nextEpoch(BiConsumer<INDArray[], INDArray[]> fit, IntConsumer progress) {
    shuffle();
    for (int start = 0; start < order.length; start += batchSize) {
      int end = Math.min(order.length, start + batchSize);
      int[] rows = Arrays.copyOfRange(order, start, end);
      fit.accept(gather(data.getFeatures(), features, rows), gather(data.getLabels(), labels, rows));
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

  /** A matrix of {@code rows} rows as wide as a row of {@code array}, which may be of any rank. */
  private static INDArray minibatch(INDArray array, int rows) {
    return Nd4j.create(array.dataType(), rows, array.length() / Math.max(1, array.size(0)));
  }

  /**
   * Gathers {@code rows} of each array into its minibatch matrix, through matrix views of arrays
   * of any rank (such as a frozen base's feature maps: {@code pullRows} takes matrices only), and
   * gives them in the arrays' shapes.
   */
  private static INDArray[] gather(INDArray[] from, INDArray[] into, int[] rows) {
    INDArray[] batch = new INDArray[from.length];
    for (int i = 0; i < from.length; i++) {
      INDArray target = rows.length == into[i].size(0) ? into[i]
          : into[i].get(NDArrayIndex.interval(0, rows.length), NDArrayIndex.all());
      Nd4j.pullRows(asMatrix(from[i]), target, 1, rows);
      long[] shape = from[i].shape().clone();
      shape[0] = rows.length;
      batch[i] = from[i].rank() == 2 ? target : target.reshape('c', shape);
    }
    return batch;
  }

  private static INDArray asMatrix(INDArray array) {
    return array.rank() == 2 ? array : array.reshape('c', array.size(0), -1);
  }
}

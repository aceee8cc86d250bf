package dev.deepbuild.runtime.data;

import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * One split's rows as the training path consumes them: seeded minibatches to fit, and the rows in
 * order, a chunk at a time, to measure. The one seam between the path and where the rows are held:
 * {@link #inMemory} gathers arrays held in memory, one per input and output; a source of images,
 * or of more rows than memory holds, can hand out its batches instead, and the epoch loop,
 * evaluation and baselines stay as they are.
 */
public interface Batches {

  /** The split's rows held in memory: one array per input and per output. */
  static Batches inMemory(MultiDataSet data) {
    return new InMemoryBatches(data);
  }

  /** The number of rows. */
  int rows();

  /** The bytes of one row's features, all inputs together, as a chunk of {@link #inOrder} holds them. */
  long featureBytesPerRow();

  /** The minibatches of each epoch in turn, each epoch in a new order that follows from the seed. */
  Epochs shuffled(int batchSize, long seed);

  /** Passes the rows in order to {@code chunk}, at most {@code maxRows} rows at a time. */
  void inOrder(int maxRows, Consumer<MultiDataSet> chunk);

  /** The labels of output {@code output} of every row, in order, for the baseline. */
  INDArray labels(int output);

  /** The minibatches of one epoch after another. */
  interface Epochs {
    /**
     * Passes each minibatch of the next epoch to {@code fit}, its features and labels one array
     * per input and output, and the number of rows fitted so far to {@code progress}. The arrays
     * hold their rows until {@code fit} returns: the next minibatch reuses them, so a consumer that
     * keeps a minibatch longer copies it.
     */
    void nextEpoch(BiConsumer<INDArray[], INDArray[]> fit, IntConsumer progress);
  }
}

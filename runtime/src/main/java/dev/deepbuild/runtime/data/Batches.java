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
  /** The most rows of a pass in order: beyond it, a pass of dense rows is no faster. */
  int MAX_PASS_ROWS = 4096;
  /**
   * The input bytes a pass in order holds, unless a training minibatch holds more. A convnet's
   * activations are tens of times its input: a pass of 4096 MNIST digits held about 600 MB of
   * them, and 4096 cats-and-dogs images 1.6 GB of input alone; a megabyte of rows keeps a pass of
   * images at a minibatch while dense rows still pass thousands at a time.
   */
  long PASS_BYTES = 1 << 20;

  /** The split's rows held in memory: one array per input and per output. */
  static Batches inMemory(MultiDataSet data) {
    return new InMemoryBatches(data);
  }

  /** The number of rows. */
  int rows();

  /** The bytes of one row's features, all inputs together, as a chunk of {@link #inOrder} holds. */
  long featureBytesPerRow();

  /** The minibatches of each epoch in turn, each epoch in a new order that follows from the seed. */
  Epochs shuffled(int batchSize, long seed);

  /**
   * The rows of one pass in order ({@link #inOrder}) for a network trained on minibatches of
   * {@code batchSize}: about {@link #PASS_BYTES} of input, at least a minibatch, at most {@link
   * #MAX_PASS_ROWS}; so a pass needs about the memory of a training step, not more.
   */
  default int rowsPerPass(int batchSize) {
    long rows = PASS_BYTES / Math.max(1, featureBytesPerRow());
    return (int) Math.max(Math.min(batchSize, MAX_PASS_ROWS), Math.min(MAX_PASS_ROWS, rows));
  }

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

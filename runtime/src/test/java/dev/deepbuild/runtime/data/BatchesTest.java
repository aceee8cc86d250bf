package dev.deepbuild.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;

/** The in-memory batches: every row once per epoch and in order when measured, every array alike. */
class BatchesTest {
  private static final int ROWS = 10;

  /** Two inputs and one output whose every row holds its own index, so rows can be followed. */
  private static MultiDataSet data() {
    INDArray index = Nd4j.arange(ROWS).reshape(ROWS, 1).castTo(org.nd4j.linalg.api.buffer.DataType.FLOAT);
    return new MultiDataSet(new INDArray[] {index, index.mul(10)}, new INDArray[] {index.mul(100)});
  }

  @Test
  void inOrderHandsOutEveryRowInOrderInChunksOfAtMostTheGivenSize() {
    Batches batches = Batches.inMemory(data());
    List<Double> seen = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();

    batches.inOrder(4, chunk -> {
      sizes.add(chunk.getFeatures(0).size(0));
      for (int i = 0; i < chunk.getFeatures(0).size(0); i++) {
        seen.add(chunk.getFeatures(0).getDouble(i, 0));
        assertEquals(chunk.getFeatures(0).getDouble(i, 0) * 10, chunk.getFeatures(1).getDouble(i, 0));
        assertEquals(chunk.getFeatures(0).getDouble(i, 0) * 100, chunk.getLabels(0).getDouble(i, 0));
      }
    });

    assertEquals(List.of(4L, 4L, 2L), sizes);
    assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), seen);
    assertEquals(ROWS, batches.rows());
  }

  @Test
  void eachEpochHandsOutEveryRowOnceInASeededOrderTheSameForEveryArray() {
    double[] first = epoch(Batches.inMemory(data()).shuffled(3, 7));
    double[] again = epoch(Batches.inMemory(data()).shuffled(3, 7));

    assertArrayEquals(first, again);
    double[] sorted = first.clone();
    java.util.Arrays.sort(sorted);
    assertArrayEquals(new double[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, sorted);
  }

  private static double[] epoch(Batches.Epochs epochs) {
    List<Double> order = new ArrayList<>();
    epochs.nextEpoch((features, labels) -> {
      for (int i = 0; i < features[0].size(0); i++) {
        order.add(features[0].getDouble(i, 0));
        assertEquals(features[0].getDouble(i, 0) * 10, features[1].getDouble(i, 0));
        assertEquals(features[0].getDouble(i, 0) * 100, labels[0].getDouble(i, 0));
      }
    }, rows -> {});
    return order.stream().mapToDouble(Double::doubleValue).toArray();
  }

  @Test
  void aPassInOrderHoldsAboutAMegabyteOfInputButAtLeastAMinibatch() {
    // Boston's 13 columns pass 4096 rows at a time; MNIST's 784 about a megabyte's worth; an image
    // split of 180x180x3 one training minibatch, whatever the megabyte says.
    assertEquals(4096, Batches.inMemory(new MultiDataSet(Nd4j.zeros(8, 13), Nd4j.zeros(8, 1)))
        .rowsPerPass(16));
    assertEquals((1 << 20) / (784 * 4), Batches.inMemory(
        new MultiDataSet(Nd4j.zeros(8, 784), Nd4j.zeros(8, 10))).rowsPerPass(64));
    assertEquals(32, Batches.inMemory(
        new MultiDataSet(Nd4j.zeros(2, 3, 180, 180), Nd4j.zeros(2, 2))).rowsPerPass(32));
  }
}

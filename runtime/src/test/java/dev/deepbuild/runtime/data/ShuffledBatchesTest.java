package dev.deepbuild.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class ShuffledBatchesTest {
  /** Row i has features (i, 100 + i) and label i, so a batch shows which rows it holds. */
  private static MultiDataSet rows(int count) {
    double[][] features = IntStream.range(0, count).mapToObj(i -> new double[] {i, 100 + i}).toArray(double[][]::new);
    double[][] labels = IntStream.range(0, count).mapToObj(i -> new double[] {i}).toArray(double[][]::new);
    return new MultiDataSet(Nd4j.createFromArray(features), Nd4j.createFromArray(labels));
  }

  /** The row numbers of each epoch, batch sizes checked on the way. */
  private static List<int[]> epochs(long seed, int count) {
    ShuffledBatches batches = new ShuffledBatches(rows(10), 4, seed);
    List<int[]> epochs = new ArrayList<>();
    for (int epoch = 0; epoch < count; epoch++) {
      List<Integer> sizes = new ArrayList<>();
      List<Integer> seen = new ArrayList<>();
      batches.nextEpoch((inputs, outputs) -> {
        INDArray features = inputs[0];
        INDArray labels = outputs[0];
        sizes.add((int) features.rows());
        assertArrayEquals(features.getColumn(0).toDoubleVector(), labels.getColumn(0).toDoubleVector());
        assertArrayEquals(features.getColumn(0).add(100).toDoubleVector(), features.getColumn(1).toDoubleVector());
        Arrays.stream(labels.getColumn(0).toDoubleVector()).forEach(row -> seen.add((int) row));
      });
      assertEquals(List.of(4, 4, 2), sizes);
      epochs.add(seen.stream().mapToInt(Integer::intValue).toArray());
    }
    return epochs;
  }

  @Test
  void everyEpochVisitsEveryRowOnceInASeededOrder() {
    List<int[]> epochs = epochs(42, 3);
    for (int[] epoch : epochs) {
      assertArrayEquals(IntStream.range(0, 10).toArray(), Arrays.stream(epoch).sorted().toArray());
    }
    assertFalse(Arrays.equals(epochs.get(0), epochs.get(1)));
    List<int[]> again = epochs(42, 3);
    for (int e = 0; e < 3; e++) {
      assertArrayEquals(epochs.get(e), again.get(e));
    }
    assertFalse(Arrays.equals(epochs.get(0), epochs(43, 1).get(0)));
  }

  @Test
  void everyInputAndOutputGetsTheSameRowsInEachBatch() {
    // Two inputs of different widths and two outputs, each row tagged with its index.
    int count = 10;
    INDArray first = Nd4j.createFromArray(IntStream.range(0, count)
        .mapToObj(i -> new double[] {i}).toArray(double[][]::new));
    INDArray second = Nd4j.createFromArray(IntStream.range(0, count)
        .mapToObj(i -> new double[] {1000 + i, 2000 + i, 3000 + i}).toArray(double[][]::new));
    INDArray labels = first.mul(-1);
    INDArray flags = first.add(0.5);
    ShuffledBatches batches = new ShuffledBatches(
        new MultiDataSet(new INDArray[] {first, second}, new INDArray[] {labels, flags}), 3, 7);
    List<Integer> seen = new ArrayList<>();

    batches.nextEpoch((inputs, outputs) -> {
      assertEquals(2, inputs.length);
      assertEquals(2, outputs.length);
      double[] rows = inputs[0].getColumn(0).toDoubleVector();
      assertArrayEquals(Arrays.stream(rows).map(r -> 1000 + r).toArray(), inputs[1].getColumn(0).toDoubleVector());
      assertArrayEquals(Arrays.stream(rows).map(r -> 3000 + r).toArray(), inputs[1].getColumn(2).toDoubleVector());
      assertArrayEquals(Arrays.stream(rows).map(r -> -r).toArray(), outputs[0].getColumn(0).toDoubleVector());
      assertArrayEquals(Arrays.stream(rows).map(r -> r + 0.5).toArray(), outputs[1].getColumn(0).toDoubleVector());
      Arrays.stream(rows).forEach(row -> seen.add((int) row));
    });

    assertEquals(count, seen.size());
    assertEquals(IntStream.range(0, count).boxed().toList(), seen.stream().sorted().toList());
    assertFalse(seen.equals(IntStream.range(0, count).boxed().toList()), "not shuffled: " + seen);
  }

  @Test
  void rowsOfHigherRankKeepTheirShapeInEachMinibatch() {
    // Ten 2x3 "images", image i holding i, i + 0.1, ..., so a minibatch shows its rows.
    INDArray images = Nd4j.create(10, 1, 2, 3);
    for (int i = 0; i < 10; i++) {
      for (int k = 0; k < 6; k++) {
        images.putScalar(new long[] {i, 0, k / 3, k % 3}, i + k / 10.0);
      }
    }
    INDArray labels = Nd4j.createFromArray(IntStream.range(0, 10)
        .mapToObj(i -> new double[] {i}).toArray(double[][]::new)).castTo(images.dataType());
    ShuffledBatches batches = new ShuffledBatches(new MultiDataSet(images, labels), 4, 3);
    List<Integer> sizes = new ArrayList<>();

    batches.nextEpoch((inputs, outputs) -> {
      long rows = inputs[0].size(0);
      sizes.add((int) rows);
      assertArrayEquals(new long[] {rows, 1, 2, 3}, inputs[0].shape());
      for (int r = 0; r < rows; r++) {
        INDArray expected = images.get(NDArrayIndex.point((long) outputs[0].getDouble(r, 0)));
        assertEquals(expected, inputs[0].get(NDArrayIndex.point(r)));
      }
    });
    assertEquals(List.of(4, 4, 2), sizes);
  }
}

package dev.deepbuild.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.Flip;
import dev.deepbuild.runtime.model.AugmentationSpec;
import dev.deepbuild.runtime.model.RescalingSpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Images through the batch seam: NCHW minibatches, scaled, in the seeded order of every other
 * split; augmented in the training split only.
 */
class ImageBatchesTest {
  private static final int COUNT = 10;
  private static final SplitIndices SPLIT = new SplitIndices(new int[] {0, 1, 2, 3, 4, 5},
      new int[] {6, 7}, new int[] {8, 9});
  private static final AugmentationSpec ALL = AugmentationSpec.none()
      .flip(Flip.HORIZONTAL_AND_VERTICAL).rotation(0.2).zoom(0.2).translation(0.2).contrast(0.5);

  /** Ten 2x3 RGB images; value (image, c, y, x) = image * 10 + c * 3 + y + x. */
  private static Images images() {
    Images images = new Images(2, 3, 3, COUNT);
    for (int image = 0; image < COUNT; image++) {
      int n = image;
      // HWC order in, so index = (y * 3 + x) * 3 + c.
      images.addHwc(i -> n * 10 + (i % 3) * 3 + (i / 3) / 3 + (i / 3) % 3);
    }
    return images;
  }

  private static double[][] labels() {
    double[][] labels = new double[COUNT][2];
    for (int i = 0; i < COUNT; i++) {
      labels[i][i % 2] = 1;
    }
    return labels;
  }

  private static PreparedData prepared(Optional<AugmentationSpec> augmentation) {
    ImageFeatures features = new ImageFeatures(images(), RescalingSpec.scale(0.5).offset(1),
        augmentation);
    return PreparedData.of(features, labels(), SPLIT, DataType.FLOAT, false);
  }

  @Test
  void minibatchesAreScaledNchwArraysOfTheSplitsRows() {
    PreparedData data = prepared(Optional.empty());
    List<INDArray> chunks = new ArrayList<>();
    data.test().orElseThrow().inOrder(100, chunk -> chunks.add(chunk.getFeatures(0).dup()));
    INDArray test = chunks.get(0);
    assertArrayEquals(new long[] {2, 3, 2, 3}, test.shape());
    // Image 9, channel 2, row 1, column 2: (90 + 6 + 1 + 2) * 0.5 + 1.
    assertEquals(99 * 0.5 + 1, test.getDouble(1, 2, 1, 2), 1e-6);
    assertEquals(80 * 0.5 + 1, test.getDouble(0, 0, 0, 0), 1e-6);
    assertEquals(8, data.train().rows() + data.validation().orElseThrow().rows());
    assertEquals(DataType.FLOAT, test.dataType());
  }

  @Test
  void chunksOfAtMostTheGivenRowsCoverTheSplitInOrder() {
    PreparedData data = prepared(Optional.empty());
    List<Double> firsts = new ArrayList<>();
    List<Long> sizes = new ArrayList<>();
    data.train().inOrder(4, chunk -> {
      sizes.add(chunk.getFeatures(0).size(0));
      firsts.add(chunk.getFeatures(0).getDouble(0, 0, 0, 0));
      assertEquals(chunk.getFeatures(0).size(0), chunk.getLabels(0).size(0));
    });
    assertEquals(List.of(4L, 2L), sizes);
    assertEquals(List.of(1.0, 4 * 10 * 0.5 + 1), firsts);
  }

  @Test
  void trainingMinibatchesFollowTheSeedAsInMemoryOnesDo() {
    // The first value of each image identifies it: the same order as ShuffledBatches gives arrays.
    List<Integer> images = firstEpochOrder(prepared(Optional.empty()).train(), 42);
    INDArray ids = org.nd4j.linalg.factory.Nd4j.create(new double[][] {{0}, {1}, {2}, {3}, {4}, {5}});
    List<Integer> inMemory = firstEpochOrder(Batches.inMemory(
        new org.nd4j.linalg.dataset.MultiDataSet(ids, ids)), 42);
    assertEquals(inMemory, images);
    assertEquals(firstEpochOrder(prepared(Optional.empty()).train(), 42), images);
  }

  @Test
  void onlyTheTrainingSplitIsAugmentedAndTheSameSeedAugmentsAlike() {
    PreparedData plain = prepared(Optional.empty());
    PreparedData augmented = prepared(Optional.of(ALL));
    assertArrayEquals(values(plain.validation().orElseThrow()), values(augmented.validation().orElseThrow()));
    assertArrayEquals(values(plain.test().orElseThrow()), values(augmented.test().orElseThrow()));
    // Measuring the training split (evaluation) sees it unchanged too.
    assertArrayEquals(values(plain.train()), values(augmented.train()));

    float[] first = epochValues(augmented.train(), 7, 2);
    assertFalse(Arrays.equals(epochValues(plain.train(), 7, 2), first));
    assertArrayEquals(first, epochValues(prepared(Optional.of(ALL)).train(), 7, 2));
    // Another epoch, other changes.
    assertFalse(Arrays.equals(Arrays.copyOfRange(first, 0, first.length / 2),
        Arrays.copyOfRange(first, first.length / 2, first.length)));
  }

  @Test
  void imagesAreNotStandardized() {
    ImageFeatures features = new ImageFeatures(images(), RescalingSpec.NONE, Optional.empty());
    assertThrows(IllegalArgumentException.class,
        () -> PreparedData.of(features, labels(), SPLIT, DataType.FLOAT, true));
  }

  @Test
  void theBaselineReadsTheSplitsLabels() {
    assertArrayEquals(new double[] {1, 0}, prepared(Optional.empty()).test().orElseThrow()
        .labels(0).getRow(0).toDoubleVector());
  }

  private static List<Integer> firstEpochOrder(Batches batches, long seed) {
    List<Integer> order = new ArrayList<>();
    batches.shuffled(4, seed).nextEpoch((features, labels) -> {
      for (int i = 0; i < features[0].size(0); i++) {
        // An image's first value is (image * 10) * 0.5 + 1; the in-memory rows hold the image.
        order.add((int) Math.round(features[0].rank() == 4
            ? (features[0].getDouble(i, 0, 0, 0) - 1) / 5 : features[0].getDouble(i, 0)));
      }
    }, rows -> {});
    return order;
  }

  /** Every value of every minibatch of {@code epochs} epochs, in order. */
  private static float[] epochValues(Batches batches, long seed, int epochs) {
    List<Float> values = new ArrayList<>();
    Batches.Epochs shuffled = batches.shuffled(4, seed);
    for (int e = 0; e < epochs; e++) {
      shuffled.nextEpoch((features, labels) -> {
        for (float v : features[0].dup().data().asFloat()) {
          values.add(v);
        }
      }, rows -> {});
    }
    float[] all = new float[values.size()];
    IntStream.range(0, all.length).forEach(i -> all[i] = values.get(i));
    assertTrue(all.length > 0);
    return all;
  }

  private static float[] values(Batches batches) {
    List<float[]> chunks = new ArrayList<>();
    batches.inOrder(3, chunk -> chunks.add(chunk.getFeatures(0).dup().data().asFloat()));
    return chunks.stream().reduce(new float[0], (a, b) -> {
      float[] joined = Arrays.copyOf(a, a.length + b.length);
      System.arraycopy(b, 0, joined, a.length, b.length);
      return joined;
    });
  }

  /**
   * A functional model's image inputs all read the images: each minibatch goes to every input,
   * augmented alike in training, and each output gets its own labels, row for row.
   */
  @Test
  void everyImageInputGetsTheMinibatchAndEveryOutputItsLabels() {
    ImageFeatures features = new ImageFeatures(images(), RescalingSpec.scale(1), Optional.of(ALL));
    double[][] flags = new double[COUNT][1];
    for (int i = 0; i < COUNT; i++) {
      flags[i][0] = i;
    }
    PreparedData data = PreparedData.of(new ModelData(List.of(features, features),
        List.of(labels(), flags)), SPLIT, DataType.FLOAT, false);
    List<Double> fitted = new ArrayList<>();
    data.train().shuffled(4, 7).nextEpoch((inputs, labels) -> {
      assertEquals(2, inputs.length);
      assertEquals(inputs[0], inputs[1]);
      assertEquals(2, labels.length);
      for (int row = 0; row < labels[1].size(0); row++) {
        int image = (int) labels[1].getDouble(row, 0);
        assertEquals(image % 2, (int) labels[0].getDouble(row, 1));
        fitted.add((double) image);
      }
    }, rows -> {});
    assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0), fitted.stream().sorted().toList());
    List<INDArray[]> test = new ArrayList<>();
    data.test().orElseThrow().inOrder(10, chunk -> test.add(chunk.getFeatures()));
    assertEquals(2, test.get(0).length);
    assertEquals(80, test.get(0)[1].getDouble(0, 0, 0, 0), 1e-6);
    assertEquals(9, data.test().orElseThrow().labels(1).getDouble(1, 0), 1e-6);
  }
}

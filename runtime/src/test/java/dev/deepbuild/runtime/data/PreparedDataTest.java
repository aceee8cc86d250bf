package dev.deepbuild.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.MultiNormalizerStandardize;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

class PreparedDataTest {
  private static final int ROWS = 200;
  private static final SplitIndices SPLIT = new SplitIndices(
      IntStream.range(0, 120).toArray(),
      IntStream.range(120, 150).toArray(),
      IntStream.range(150, 200).toArray());

  /** Column 0 ~ N(5, 2); column 1 constant; training rows first, test rows shifted by +10. */
  private static double[][] features() {
    Random random = new Random(1);
    double[][] features = new double[ROWS][];
    for (int i = 0; i < ROWS; i++) {
      features[i] = new double[] {5 + 2 * random.nextGaussian() + (i >= 150 ? 10 : 0), 3};
    }
    return features;
  }

  @Test
  void standardizesWithTheTrainingSplitsStatisticsOnly() {
    PreparedData data = PreparedData.of(TableFeatures.of(features()), new double[ROWS][1], SPLIT, DataType.FLOAT, true);
    INDArray train = whole(data.train()).getFeatures(0);
    assertEquals(0, train.getColumn(0).meanNumber().doubleValue(), 1e-5);
    assertEquals(1, train.getColumn(0).stdNumber(false).doubleValue(), 1e-4);
    // The test rows are 10 raw units higher: about 5 training deviations above 0, not re-centered.
    double testMean = whole(data.test().orElseThrow()).getFeatures(0).getColumn(0).meanNumber().doubleValue();
    assertTrue(testMean > 3, "test mean " + testMean);
    assertEquals(30, whole(data.validation().orElseThrow()).getFeatures(0).size(0));
    // A constant feature becomes 0, not NaN.
    assertEquals(0, train.getColumn(1).amaxNumber().doubleValue());
    assertFalse(whole(data.test().orElseThrow()).getFeatures(0).isNaN().any());

    // One input keeps DL4J's one-input normalizer, the form saved models have always had.
    NormalizerStandardize normalizer =
        assertInstanceOf(NormalizerStandardize.class, data.normalizer().orElseThrow().normalizer());
    double[][] raw = features();
    double trainMean = Arrays.stream(raw, 0, 120).mapToDouble(row -> row[0]).average().orElseThrow();
    assertEquals(trainMean, normalizer.getMean().getDouble(0), 1e-4);
  }

  @Test
  void withoutStandardizationTheValuesStayInTheNetworksType() {
    double[][] raw = features();
    PreparedData data = PreparedData.of(TableFeatures.of(raw), new double[ROWS][1], SPLIT, DataType.DOUBLE, false);
    assertTrue(data.normalizer().isEmpty());
    assertEquals(DataType.DOUBLE, whole(data.test().orElseThrow()).getFeatures(0).dataType());
    assertArrayEquals(raw[150], whole(data.test().orElseThrow()).getFeatures(0).getRow(0).toDoubleVector());
    assertEquals(30, whole(data.validation().orElseThrow()).getFeatures(0).size(0));
  }

  @Test
  void noValidationRowsMeansNoValidationSet() {
    SplitIndices split = new SplitIndices(new int[] {0, 1, 2}, new int[0], new int[] {3});
    PreparedData data = PreparedData.of(TableFeatures.of(features()), new double[ROWS][1], split, DataType.FLOAT, true);
    assertTrue(data.validation().isEmpty());
    assertEquals(3, whole(data.train()).getFeatures(0).size(0));
  }

  @Test
  void eachInputAndOutputGetsTheSplitsRowsInOrder() {
    double[][] first = features();
    double[][] second = new double[ROWS][3];
    double[][] topics = new double[ROWS][2];
    double[][] values = new double[ROWS][1];
    for (int i = 0; i < ROWS; i++) {
      second[i] = new double[] {i, -i, 2 * i};
      topics[i][i % 2] = 1;
      values[i][0] = 1000 + i;
    }
    ModelData model = new ModelData(List.of(TableFeatures.of(first), TableFeatures.of(second)),
        List.of(topics, values));

    PreparedData data = PreparedData.of(model, SPLIT, DataType.DOUBLE, false);

    org.nd4j.linalg.dataset.api.MultiDataSet test = whole(data.test().orElseThrow());
    assertEquals(2, test.getFeatures().length);
    assertEquals(2, test.getLabels().length);
    assertArrayEquals(first[150], test.getFeatures(0).getRow(0).toDoubleVector());
    assertArrayEquals(new double[] {150, -150, 300}, test.getFeatures(1).getRow(0).toDoubleVector());
    assertArrayEquals(new double[] {1, 0}, test.getLabels(0).getRow(0).toDoubleVector());
    assertEquals(1119, whole(data.train()).getLabels(1).getDouble(119, 0));
    assertEquals(30, whole(data.validation().orElseThrow()).getFeatures(1).size(0));
    assertEquals(1120, whole(data.validation().orElseThrow()).getLabels(1).getDouble(0, 0));
  }

  @Test
  void everyInputIsStandardizedWithItsOwnTrainingStatistics() {
    double[][] first = features();
    double[][] second = new double[ROWS][1];
    for (int i = 0; i < ROWS; i++) {
      second[i][0] = 100 * i;
    }
    ModelData model = new ModelData(List.of(TableFeatures.of(first), TableFeatures.of(second)),
        List.<double[][]>of(new double[ROWS][1], new double[ROWS][1]));

    PreparedData data = PreparedData.of(model, SPLIT, DataType.DOUBLE, true);

    MultiNormalizerStandardize normalizer = assertInstanceOf(MultiNormalizerStandardize.class,
        data.normalizer().orElseThrow().normalizer());
    double firstMean = Arrays.stream(first, 0, 120).mapToDouble(row -> row[0]).average().orElseThrow();
    assertEquals(firstMean, normalizer.getFeatureMean(0).getDouble(0), 1e-9);
    // The training rows' mean of 100 * i for i below 120, not of all rows.
    assertEquals(100 * 119 / 2.0, normalizer.getFeatureMean(1).getDouble(0), 1e-9);
    for (int input = 0; input < 2; input++) {
      INDArray train = whole(data.train()).getFeatures(input);
      assertEquals(0, train.getColumn(0).meanNumber().doubleValue(), 1e-9);
      assertEquals(1, train.getColumn(0).stdNumber(false).doubleValue(), 1e-9);
    }
    // Held-out rows are transformed with the training statistics, not re-centered.
    double testMean = whole(data.test().orElseThrow()).getFeatures(1).meanNumber().doubleValue();
    assertTrue(testMean > 2, "test mean " + testMean);
    // The labels stay as they were.
    assertEquals(0, whole(data.train()).getLabels(0).sumNumber().doubleValue());
  }

  /** A split's rows in one piece, as the batch seam hands out a split held in memory. */
  static org.nd4j.linalg.dataset.api.MultiDataSet whole(Batches batches) {
    org.nd4j.linalg.dataset.api.MultiDataSet[] whole = new org.nd4j.linalg.dataset.api.MultiDataSet[1];
    batches.inOrder(Integer.MAX_VALUE, chunk -> whole[0] = chunk);
    return whole[0];
  }
}

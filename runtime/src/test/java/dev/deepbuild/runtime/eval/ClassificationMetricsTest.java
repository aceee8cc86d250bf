package dev.deepbuild.runtime.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ConfusionCounts;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class ClassificationMetricsTest {
  private static final double EXACT = 1e-12;

  @Test
  void singleSigmoidOutputIsThresholdedAboveOneHalfAndScoresClassOne() {
    ClassificationMetrics metrics = new ClassificationMetrics();
    // Predicted 1, 0, 1, 0, 0 (0.5 is not above the threshold), 0:
    // class 1 has TP = 1 (row 0), FN = 2 (rows 1, 4), FP = 1 (row 2); TN = 2 (rows 3, 5).
    metrics.add(Nd4j.createFromArray(new float[][] {{1}, {1}, {0}, {0}, {1}, {0}}),
        Nd4j.createFromArray(new float[][] {{0.9f}, {0.4f}, {0.6f}, {0.1f}, {0.5f}, {0.2f}}));
    Map<Metric, Double> values = metrics.values();
    assertEquals(3.0 / 6, values.get(Metric.ACCURACY), EXACT);
    assertEquals(1.0 / 2, values.get(Metric.PRECISION), EXACT);
    assertEquals(1.0 / 3, values.get(Metric.RECALL), EXACT);
    assertEquals(2 * (1.0 / 2) * (1.0 / 3) / (1.0 / 2 + 1.0 / 3), values.get(Metric.F1), EXACT);
  }

  @Test
  void twoSoftmaxUnitsAlsoScoreClassOne() {
    ClassificationMetrics metrics = new ClassificationMetrics();
    // Predicted 1, 0, 1, 0: class 1 has TP = 1, FP = 1, FN = 1.
    metrics.add(Nd4j.createFromArray(new float[][] {{0, 1}, {0, 1}, {1, 0}, {1, 0}}),
        Nd4j.createFromArray(new float[][] {{.2f, .8f}, {.7f, .3f}, {.4f, .6f}, {.9f, .1f}}));
    Map<Metric, Double> values = metrics.values();
    assertEquals(0.5, values.get(Metric.PRECISION), EXACT);
    assertEquals(0.5, values.get(Metric.RECALL), EXACT);
  }

  @Test
  void macroAverageCountsAClassNeverPredictedAsZero() {
    ClassificationMetrics metrics = new ClassificationMetrics();
    // Predicted 0, 0, 2, 0 for actual 0, 1, 2, 0: class 1 is never predicted.
    // Precision: class 0 2/3, class 1 undefined -> 0, class 2 1. Recall: 1, 0, 1.
    // F1 per class: 0.8, 0, 1. (DL4J's own Macro would skip class 1: precision 5/6, F1 0.9.)
    metrics.add(Nd4j.createFromArray(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}, {1, 0, 0}}),
        Nd4j.createFromArray(new float[][] {{.9f, .1f, 0}, {.8f, .2f, 0}, {0, .1f, .9f}, {.9f, 0, .1f}}));
    Map<Metric, Double> values = metrics.values();
    assertEquals(3.0 / 4, values.get(Metric.ACCURACY), EXACT);
    assertEquals((2.0 / 3 + 0 + 1) / 3, values.get(Metric.PRECISION), EXACT);
    assertEquals((1 + 0 + 1) / 3.0, values.get(Metric.RECALL), EXACT);
    assertEquals((0.8 + 0 + 1) / 3, values.get(Metric.F1), EXACT);
  }

  @Test
  void macroAverageLeavesOutAClassNeitherPresentNorPredicted() {
    ClassificationMetrics metrics = new ClassificationMetrics();
    // Four classes, class 3 absent from the labels and never predicted: a perfect score over 0-2.
    // Class 2 is predicted once without occurring: precision 0, recall undefined -> 0.
    metrics.add(Nd4j.createFromArray(new float[][] {{1, 0, 0, 0}, {0, 1, 0, 0}, {0, 1, 0, 0}}),
        Nd4j.createFromArray(new float[][] {{.7f, .1f, .1f, .1f}, {.1f, .7f, .1f, .1f}, {.1f, .1f, .7f, .1f}}));
    Map<Metric, Double> values = metrics.values();
    assertEquals((1 + 1 + 0) / 3.0, values.get(Metric.PRECISION), EXACT);
    assertEquals((1 + 0.5 + 0) / 3.0, values.get(Metric.RECALL), EXACT);
    assertEquals((1 + 2 * 0.5 / 1.5 + 0) / 3.0, values.get(Metric.F1), EXACT);
  }

  @Test
  void chunksAddUp() {
    ClassificationMetrics metrics = new ClassificationMetrics();
    metrics.add(Nd4j.createFromArray(new float[][] {{1}, {0}}), Nd4j.createFromArray(new float[][] {{.9f}, {.8f}}));
    metrics.add(Nd4j.createFromArray(new float[][] {{1}, {0}}), Nd4j.createFromArray(new float[][] {{.7f}, {.3f}}));
    assertEquals(3.0 / 4, metrics.values().get(Metric.ACCURACY), EXACT);
    assertEquals(2.0 / 3, metrics.values().get(Metric.PRECISION), EXACT);
  }

  @Test
  void countsAsDl4jsEvaluationOnViewsOfEitherOrder() {
    Random random = new Random(3);
    for (int classes : new int[] {1, 2, 5}) {
      int width = classes;
      INDArray labels = Nd4j.create(DataType.FLOAT, 300, width);
      INDArray outputs = Nd4j.create(DataType.FLOAT, new long[] {300, width}, 'f');
      for (int r = 0; r < 300; r++) {
        int actual = random.nextInt(Math.max(2, width));
        if (width == 1) {
          labels.putScalar(r, 0, actual);
          outputs.putScalar(r, 0, random.nextFloat());
        } else {
          labels.putScalar(r, actual, 1);
          for (int k = 0; k < width; k++) {
            outputs.putScalar(r, k, random.nextInt(4) / 4f);
          }
        }
      }
      ClassificationMetrics metrics = new ClassificationMetrics();
      org.nd4j.evaluation.classification.Evaluation dl4j =
          new org.nd4j.evaluation.classification.Evaluation();
      for (int from = 0; from < 300; from += 128) {
        INDArrayIndex rows = NDArrayIndex.interval(from, Math.min(300, from + 128));
        INDArray chunkLabels = labels.get(rows, NDArrayIndex.all());
        INDArray chunkOutputs = outputs.get(rows, NDArrayIndex.all());
        metrics.add(chunkLabels, chunkOutputs);
        dl4j.eval(chunkLabels, chunkOutputs);
      }
      Map<Metric, Double> values = metrics.values();
      assertEquals(dl4j.accuracy(), values.get(Metric.ACCURACY), EXACT, classes + " classes");
      int counted = Math.max(2, width);
      ConfusionCounts confusion = metrics.confusion(List.of());
      for (int actual = 0; actual < counted; actual++) {
        for (int predicted = 0; predicted < counted; predicted++) {
          assertEquals(dl4j.getConfusionMatrix().getCount(actual, predicted),
              confusion.counts().get(actual).get(predicted), actual + " as " + predicted);
        }
      }
      if (counted == 2) {
        assertEquals(dl4j.precision(1), values.get(Metric.PRECISION), EXACT);
        assertEquals(dl4j.recall(1), values.get(Metric.RECALL), EXACT);
      }
    }
  }
}

package dev.deepbuild.runtime.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.Metric;
import java.util.Map;
import java.util.Random;
import org.nd4j.evaluation.regression.RegressionEvaluation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.indexing.INDArrayIndex;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class RegressionMetricsTest {
  @Test
  void computesTheErrorsAndTheCoefficientOfDetermination() {
    RegressionMetrics metrics = new RegressionMetrics();
    // Errors 0.5, 0, -1, 1; labels' mean 2.5, so SStot = 5 and SSres = 2.25.
    metrics.add(Nd4j.createFromArray(new float[][] {{1}, {2}, {3}, {4}}),
        Nd4j.createFromArray(new float[][] {{1.5f}, {2}, {2}, {5}}));
    Map<Metric, Double> values = metrics.values();
    assertEquals(0.625, values.get(Metric.MAE), 1e-12);
    assertEquals(0.5625, values.get(Metric.MSE), 1e-12);
    assertEquals(0.75, values.get(Metric.RMSE), 1e-12);
    // R² is 1 - SSres/SStot = 0.55; the squared correlation would be about 0.717.
    assertEquals(1 - 2.25 / 5, values.get(Metric.R2), 1e-12);
  }

  @Test
  void equalsDl4jsRegressionEvaluationOverChunksOfSeveralColumns() {
    Random random = new Random(5);
    INDArray labels = Nd4j.rand(DataType.FLOAT, 200, 3).muli(10);
    INDArray outputs = labels.add(Nd4j.randn(DataType.FLOAT, 200, 3));
    RegressionMetrics metrics = new RegressionMetrics();
    RegressionEvaluation dl4j = new RegressionEvaluation();
    for (int from = 0; from < 200; from += 64 + random.nextInt(8)) {
      INDArrayIndex rows = NDArrayIndex.interval(from, Math.min(200, from + 64));
      metrics.add(labels.get(rows, NDArrayIndex.all()), outputs.get(rows, NDArrayIndex.all()));
      dl4j.eval(labels.get(rows, NDArrayIndex.all()).castTo(DataType.DOUBLE),
          outputs.get(rows, NDArrayIndex.all()).castTo(DataType.DOUBLE));
    }
    Map<Metric, Double> values = metrics.values();
    assertEquals(dl4j.averageMeanAbsoluteError(), values.get(Metric.MAE), 1e-9);
    assertEquals(dl4j.averageMeanSquaredError(), values.get(Metric.MSE), 1e-9);
    assertEquals(dl4j.averagerootMeanSquaredError(), values.get(Metric.RMSE), 1e-9);
    assertEquals(dl4j.averageRSquared(), values.get(Metric.R2), 1e-9);
  }
}

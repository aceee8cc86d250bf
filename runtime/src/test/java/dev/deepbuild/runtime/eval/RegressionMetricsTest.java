package dev.deepbuild.runtime.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.Metric;
import java.util.Map;
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
}

package dev.deepbuild.runtime.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.factory.Nd4j;

class BaselineTest {
  @Test
  void aClassifierBaselinePredictsTheTrainingMajorityClass() {
    // Training: class 2 is the majority. Test: 1 of 4 samples is class 2.
    Baseline baseline = Baseline.of(Task.CLASSIFICATION,
        Nd4j.createFromArray(new float[][] {{0, 0, 1}, {0, 0, 1}, {1, 0, 0}}));
    Map<Metric, Double> metrics = baseline.evaluate(
        Nd4j.createFromArray(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 1, 0}, {0, 0, 1}}));

    assertEquals(0.25, metrics.get(Metric.ACCURACY), 1e-12);
  }

  @Test
  void aBinaryBaselineWithOneSigmoidUnitPredictsTheMajority() {
    Baseline baseline = Baseline.of(Task.CLASSIFICATION,
        Nd4j.createFromArray(new float[][] {{1}, {1}, {0}}));
    Map<Metric, Double> metrics = baseline.evaluate(Nd4j.createFromArray(new float[][] {{1}, {0}, {1}, {1}}));

    assertEquals(0.75, metrics.get(Metric.ACCURACY), 1e-12);
    assertEquals(1.0, metrics.get(Metric.RECALL), 1e-12);
    assertEquals(0.75, metrics.get(Metric.PRECISION), 1e-12);
  }

  @Test
  void aRegressionBaselinePredictsTheTrainingMean() {
    Baseline baseline = Baseline.of(Task.REGRESSION, Nd4j.createFromArray(new double[][] {{1}, {3}}));
    Map<Metric, Double> metrics = baseline.evaluate(Nd4j.createFromArray(new double[][] {{0}, {6}}));

    assertEquals(3.0, metrics.get(Metric.MAE), 1e-12);
    assertEquals(10.0, metrics.get(Metric.MSE), 1e-12);
  }
}

package dev.deepbuild.runtime.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.runtime.model.ThresholdSpec;
import org.junit.jupiter.api.Test;

class ThresholdCheckTest {
  private static final double NONE = Double.NaN;

  @Test
  void missedMinimumReadsLikeJaCoCo() {
    CheckOutcome outcome = ThresholdCheck.check("imdb",
        new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.85, NONE), 0.8421);
    assertFalse(outcome.passed());
    assertEquals("imdb: test accuracy is 0.842, but expected minimum is 0.850", outcome.message());
  }

  @Test
  void failingValueIsRoundedTowardFailure() {
    CheckOutcome outcome = ThresholdCheck.check("iris",
        new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.9, NONE), 0.89996);
    assertFalse(outcome.passed());
    assertEquals("iris: test accuracy is 0.899, but expected minimum is 0.900", outcome.message());
  }

  @Test
  void missedMaximumRoundsUp() {
    CheckOutcome outcome = ThresholdCheck.check("boston",
        new ThresholdSpec(Metric.MAE, DataSplit.VALIDATION, NONE, 2.6), 2.60001);
    assertFalse(outcome.passed());
    assertEquals("boston: validation mae is 2.601, but expected maximum is 2.600", outcome.message());
  }

  @Test
  void thresholdWithMoreDecimalsPrintsThem() {
    CheckOutcome outcome = ThresholdCheck.check("iris",
        new ThresholdSpec(Metric.F1, DataSplit.TRAIN, 0.9125, NONE), 0.91249);
    assertEquals("iris: training f1 is 0.9124, but expected minimum is 0.9125", outcome.message());
  }

  @Test
  void valueOnTheBoundPasses() {
    CheckOutcome outcome = ThresholdCheck.check("iris",
        new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.9, 1.0), 0.9);
    assertTrue(outcome.passed());
    assertEquals("iris: test accuracy is 0.900 (minimum 0.900, maximum 1.000)", outcome.message());
  }

  @Test
  void nanNeverPasses() {
    CheckOutcome outcome = ThresholdCheck.check("boston",
        new ThresholdSpec(Metric.LOSS, DataSplit.TEST, NONE, 10), Double.NaN);
    assertFalse(outcome.passed());
    assertEquals("boston: test loss is NaN (training diverged)", outcome.message());
  }
}

package dev.deepbuild.build.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.DeepBuildException;
import java.util.List;
import java.util.OptionalDouble;
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
  void aValueWithExactlyTheShownDigitsPrintsAsItIs() {
    CheckOutcome outcome = ThresholdCheck.check("imdb",
        new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.85, NONE), 0.842);
    assertEquals("imdb: test accuracy is 0.842, but expected minimum is 0.850", outcome.message());
    CheckOutcome loss = ThresholdCheck.check("iris",
        new ThresholdSpec(Metric.LOSS, DataSplit.TEST, NONE, 0.3), 0.4);
    assertEquals("iris: test loss is 0.400, but expected maximum is 0.300", loss.message());
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
  void aBaselineMarginRaisesTheMinimumOfAScore() {
    ThresholdSpec aboveBaseline = new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, NONE, NONE, 0.1);
    CheckOutcome missed = ThresholdCheck.check("imdb", aboveBaseline, 0.55, OptionalDouble.of(0.5));
    assertFalse(missed.passed());
    assertEquals("imdb: test accuracy is 0.550, but expected minimum is 0.600 (the baseline's 0.500"
        + " plus 0.100)", missed.message());
    CheckOutcome met = ThresholdCheck.check("imdb", aboveBaseline, 0.893, OptionalDouble.of(0.5));
    assertTrue(met.passed());
    assertEquals("imdb: test accuracy is 0.893 (minimum 0.600: the baseline's 0.500 plus 0.100)",
        met.message());
  }

  @Test
  void aBaselineMarginLowersTheMaximumOfAnError() {
    CheckOutcome missed = ThresholdCheck.check("boston",
        new ThresholdSpec(Metric.MAE, DataSplit.TEST, NONE, 3.0, 0.5), 6.1, OptionalDouble.of(6.2));
    assertEquals("boston: test mae is 6.100, but expected maximum is 3.000", missed.message());
    CheckOutcome marginOnly = ThresholdCheck.check("boston",
        new ThresholdSpec(Metric.MAE, DataSplit.TEST, NONE, NONE, 0.5), 5.75, OptionalDouble.of(6.2));
    assertEquals("boston: test mae is 5.750, but expected maximum is 5.700 (the baseline's 6.200"
        + " less 0.500)", marginOnly.message());
  }

  @Test
  void aDerivedMinimumRoundsUpSoThatAMissNeverPrintsAsReachingIt() {
    // 0.7523 + 0.1 = 0.8523: half-even would print the minimum as 0.852, beside a value of 0.852.
    ThresholdSpec aboveBaseline = new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, NONE, NONE, 0.1);
    CheckOutcome missed = ThresholdCheck.check("imdb", aboveBaseline, 0.8521, OptionalDouble.of(0.7523));
    assertFalse(missed.passed());
    assertEquals("imdb: test accuracy is 0.852, but expected minimum is 0.853 (the baseline's 0.753"
        + " plus 0.100)", missed.message());
    assertEquals("0.852", missed.printedActual());
    assertEquals(List.of(new Bound(true, 0.8523, "0.853", "the baseline's 0.753 plus 0.100")),
        missed.bounds());
  }

  @Test
  void aValueThatMeetsADerivedMinimumNeverPrintsBelowIt() {
    ThresholdSpec aboveBaseline = new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, NONE, NONE, 0.1);
    CheckOutcome met = ThresholdCheck.check("imdb", aboveBaseline, 0.8524, OptionalDouble.of(0.7523));
    assertTrue(met.passed());
    assertEquals("imdb: test accuracy is 0.853 (minimum 0.853: the baseline's 0.753 plus 0.100)",
        met.message());
    CheckOutcome clear = ThresholdCheck.check("imdb", aboveBaseline, 0.8614, OptionalDouble.of(0.7523));
    assertEquals("imdb: test accuracy is 0.861 (minimum 0.853: the baseline's 0.753 plus 0.100)",
        clear.message());
  }

  @Test
  void aDerivedMaximumRoundsDownAndAValueThatMeetsItNeverPrintsAboveIt() {
    ThresholdSpec belowBaseline = new ThresholdSpec(Metric.MAE, DataSplit.TEST, NONE, NONE, 0.5);
    CheckOutcome missed = ThresholdCheck.check("boston", belowBaseline, 5.7008, OptionalDouble.of(6.2007));
    assertFalse(missed.passed());
    assertEquals("boston: test mae is 5.701, but expected maximum is 5.700 (the baseline's 6.200"
        + " less 0.500)", missed.message());
    CheckOutcome met = ThresholdCheck.check("boston", belowBaseline, 5.7006, OptionalDouble.of(6.2007));
    assertTrue(met.passed());
    assertEquals("boston: test mae is 5.700 (maximum 5.700: the baseline's 6.200 less 0.500)",
        met.message());
  }

  @Test
  void aBaselineMarginIsAddedInDecimal() {
    // In binary, 0.2 + 0.1 is 0.30000000000000004, which a value of 0.3 would miss.
    CheckOutcome met = ThresholdCheck.check("imdb",
        new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, NONE, NONE, 0.1), 0.3, OptionalDouble.of(0.2));
    assertTrue(met.passed());
    assertEquals("imdb: test accuracy is 0.300 (minimum 0.300: the baseline's 0.200 plus 0.100)",
        met.message());
  }

  @Test
  void everyBoundOfAThresholdPrintsWithTheSameDecimals() {
    CheckOutcome outcome = ThresholdCheck.check("iris",
        new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, 0.9, 0.9875), 0.89996);
    assertEquals("iris: test accuracy is 0.8999, but expected minimum is 0.9000", outcome.message());
    assertEquals(List.of(new Bound(true, 0.9, "0.9000", ""), new Bound(false, 0.9875, "0.9875", "")),
        outcome.bounds());
  }

  @Test
  void aBaselineMarginWithoutAMeasuredBaselineIsABrokenBuild() {
    DeepBuildException e = assertThrows(DeepBuildException.class, () -> ThresholdCheck.check("imdb",
        new ThresholdSpec(Metric.ACCURACY, DataSplit.TEST, NONE, NONE, 0.1), 0.9, OptionalDouble.empty()));
    assertEquals("imdb: no common-sense baseline was measured on the test data, so accuracy cannot be"
        + " compared with it; train the model again (-Ddl.force) so that its report holds the"
        + " baseline", e.getMessage());
  }

  @Test
  void aBaselineThatIsNotANumberCannotBeBeaten() {
    DeepBuildException e = assertThrows(DeepBuildException.class, () -> ThresholdCheck.check("flat",
        new ThresholdSpec(Metric.R2, DataSplit.TEST, NONE, NONE, 0.1), 0.5, OptionalDouble.of(Double.NaN)));
    assertEquals("flat: the common-sense baseline's test r2 is NaN, so no margin over it can be"
        + " measured; bound r2 with min or max instead of beatBaselineBy", e.getMessage());
  }

  @Test
  void nanNeverPasses() {
    CheckOutcome outcome = ThresholdCheck.check("boston",
        new ThresholdSpec(Metric.LOSS, DataSplit.TEST, NONE, 10), Double.NaN);
    assertFalse(outcome.passed());
    assertEquals("boston: test loss is NaN (training diverged)", outcome.message());
  }
}

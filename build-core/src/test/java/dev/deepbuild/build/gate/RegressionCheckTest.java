package dev.deepbuild.build.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.ModelReport;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/**
 * A regression tolerance bounds a metric by its accepted value, in the metric's worse direction,
 * and words a miss the way a baseline margin is worded, rounding toward failure.
 */
class RegressionCheckTest {
  private static final String FILE = "src/deepbuild/accepted-metrics.json";

  private static CheckOutcome check(ThresholdSpec threshold, double actual, double accepted) {
    return ThresholdCheck.check("imdb", threshold, actual, OptionalDouble.empty(),
        new ThresholdCheck.Accepted(OptionalDouble.of(accepted), FILE));
  }

  @Test
  void accuracyMayFallByTheToleranceAndNoMore() {
    ThresholdSpec threshold = ThresholdSpec.maxRegression(Metric.ACCURACY, 0.01);

    CheckOutcome missed = check(threshold, 0.842, 0.861);
    assertFalse(missed.passed());
    assertEquals("imdb: test accuracy is 0.842, but expected minimum is 0.851 (the accepted 0.861"
        + " less 0.010)", missed.message());
    assertEquals(List.of(new Bound(true, 0.851, "0.851", "the accepted 0.861 less 0.010")),
        missed.bounds());

    CheckOutcome met = check(threshold, 0.851, 0.861);
    assertTrue(met.passed());
    assertEquals("imdb: test accuracy is 0.851 (minimum 0.851: the accepted 0.861 less 0.010)",
        met.message());
    // Better than accepted always passes.
    assertTrue(check(threshold, 0.9, 0.861).passed());
  }

  @Test
  void aLossMayRiseByTheToleranceAndNoMore() {
    ThresholdSpec threshold = ThresholdSpec.maxRegression(Metric.LOSS, 0.05);

    CheckOutcome missed = check(threshold, 0.36, 0.3);
    assertFalse(missed.passed());
    assertEquals("imdb: test loss is 0.360, but expected maximum is 0.350 (the accepted 0.300 plus"
        + " 0.050)", missed.message());
    assertTrue(check(threshold, 0.35, 0.3).passed());
    // A lower loss than accepted is better, however much lower.
    assertTrue(check(threshold, 0.01, 0.3).passed());
  }

  @Test
  void theAcceptedValueAndTheBoundRoundTowardFailure() {
    // A minimum of 0.8512 prints as 0.852, from the accepted 0.8612 printed as 0.862: the printed
    // numbers add up, and 0.85115, below it, prints as 0.851, not as a value that reaches it.
    ThresholdSpec accuracy = ThresholdSpec.maxRegression(Metric.ACCURACY, 0.01);
    CheckOutcome missed = check(accuracy, 0.85115, 0.8612);
    assertFalse(missed.passed());
    assertEquals("imdb: test accuracy is 0.851, but expected minimum is 0.852 (the accepted 0.862"
        + " less 0.010)", missed.message());
    // 0.8514 meets the minimum of 0.8512; half-even it would print as 0.851, below the printed
    // bound, so it is rounded toward passing instead.
    CheckOutcome met = check(accuracy, 0.8514, 0.8612);
    assertTrue(met.passed());
    assertEquals("imdb: test accuracy is 0.852 (minimum 0.852: the accepted 0.862 less 0.010)",
        met.message());

    // A maximum of 0.3504 prints as 0.350, from the accepted 0.3004 printed as 0.300; 0.35041
    // fails and prints as 0.351.
    CheckOutcome loss = check(ThresholdSpec.maxRegression(Metric.LOSS, 0.05), 0.35041, 0.3004);
    assertFalse(loss.passed());
    assertEquals("imdb: test loss is 0.351, but expected maximum is 0.350 (the accepted 0.300 plus"
        + " 0.050)", loss.message());
  }

  @Test
  void aToleranceOfZeroAllowsNoRegressionAtAll() {
    ThresholdSpec threshold = ThresholdSpec.maxRegression(Metric.MAE, 0);
    assertTrue(check(threshold, 2.5, 2.5).passed());
    CheckOutcome missed = check(threshold, 2.5001, 2.5);
    assertFalse(missed.passed());
    assertEquals("imdb: test mae is 2.501, but expected maximum is 2.500 (the accepted 2.500 plus"
        + " 0.000)", missed.message());
  }

  @Test
  void theToleranceSetsTheDecimalsLikeAnyBound() {
    CheckOutcome outcome = check(ThresholdSpec.maxRegression(Metric.ACCURACY, 0.0025), 0.95,
        0.90375);
    assertEquals("imdb: test accuracy is 0.9500 (minimum 0.9013: the accepted 0.9038 less 0.0025)",
        outcome.message());
  }

  @Test
  void withoutAnAcceptedValueTheTolerancePassesWithAWarningThatNamesTheFix() {
    CheckOutcome alone = ThresholdCheck.check("imdb", ThresholdSpec.maxRegression(Metric.ACCURACY,
        0.01), 0.842, OptionalDouble.empty(),
        new ThresholdCheck.Accepted(OptionalDouble.empty(), FILE));
    assertTrue(alone.passed());
    assertTrue(alone.warns());
    String warning = "no accepted test accuracy in src/deepbuild/accepted-metrics.json, so its"
        + " maxRegression is not checked; run mvn dl:accept to accept the current one";
    assertEquals(warning, alone.warning());
    assertEquals("imdb: test accuracy is 0.842 (" + warning + ")", alone.message());
    assertEquals(List.of(), alone.bounds());

    // The threshold's other bounds are still checked.
    ThresholdSpec both = ThresholdSpec.min(Metric.ACCURACY, 0.9).maxRegression(0.01);
    CheckOutcome missed = ThresholdCheck.check("imdb", both, 0.842, OptionalDouble.empty(),
        new ThresholdCheck.Accepted(OptionalDouble.empty(), FILE));
    assertFalse(missed.passed());
    assertEquals("imdb: test accuracy is 0.842, but expected minimum is 0.900", missed.message());
    CheckOutcome met = ThresholdCheck.check("imdb", both, 0.95, OptionalDouble.empty(),
        new ThresholdCheck.Accepted(OptionalDouble.empty(), FILE));
    assertEquals("imdb: test accuracy is 0.950 (minimum 0.900; " + warning + ")", met.message());
  }

  @Test
  void aThresholdWithoutToleranceNeverWarns() {
    CheckOutcome outcome = ThresholdCheck.check("imdb", ThresholdSpec.min(Metric.ACCURACY, 0.8),
        0.842, OptionalDouble.empty(), new ThresholdCheck.Accepted(OptionalDouble.empty(), FILE));
    assertFalse(outcome.warns());
    assertEquals("imdb: test accuracy is 0.842 (minimum 0.800)", outcome.message());
  }

  @Test
  void theGateLooksUpEachThresholdsModelOutputAndSplit() {
    ModelReport report = new ModelReport("m", "com.example.M", Task.CLASSIFICATION, 42,
        Map.of(DataSplit.TEST, Map.of(Metric.LOSS, 0.5),
            DataSplit.VALIDATION, Map.of(Metric.LOSS, 0.45)),
        List.of(), 1.0, null, null, null, Map.of(),
        Map.of("topic", Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, 0.842))), Map.of());
    AcceptedMetrics accepted = new AcceptedMetrics(FILE, Map.of("m", Map.of(
        AcceptedMetrics.MODEL, Map.of(DataSplit.TEST, Map.of(Metric.LOSS, 0.4),
            DataSplit.VALIDATION, Map.of(Metric.LOSS, 0.44)),
        "topic", Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, 0.861)))));

    List<CheckOutcome> outcomes = Gate.check(report, List.of(
        ThresholdSpec.maxRegression(Metric.ACCURACY, 0.01).onOutput("topic"),
        ThresholdSpec.maxRegression(Metric.LOSS, 0.05),
        ThresholdSpec.maxRegression(Metric.LOSS, 0.05).on(DataSplit.VALIDATION)), accepted);

    assertEquals("m: topic test accuracy is 0.842, but expected minimum is 0.851 (the accepted"
        + " 0.861 less 0.010)", outcomes.get(0).message());
    assertEquals("m: test loss is 0.500, but expected maximum is 0.450 (the accepted 0.400 plus"
        + " 0.050)", outcomes.get(1).message());
    assertEquals("m: validation loss is 0.450 (maximum 0.490: the accepted 0.440 plus 0.050)",
        outcomes.get(2).message());

    // Another model's accepted values are not this one's.
    ModelReport other = new ModelReport("other", "com.example.O", Task.CLASSIFICATION, 42,
        report.metrics(), List.of(), 1.0, null, null, null);
    CheckOutcome unaccepted =
        Gate.check(other, List.of(ThresholdSpec.maxRegression(Metric.LOSS, 0.05)), accepted).get(0);
    assertTrue(unaccepted.passed());
    assertTrue(unaccepted.warns());
  }
}

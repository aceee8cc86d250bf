package dev.deepbuild.build.gate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.result.ModelReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The gate checks a model's own metrics and, for a model of several outputs, each output's. */
class GateTest {
  /** Total loss for the model; the topic's and usa's accuracies and baselines per output. */
  private static final ModelReport REPORT = new ModelReport("m", "com.example.M",
      Task.CLASSIFICATION, 42, Map.of(DataSplit.TEST, Map.of(Metric.LOSS, 0.5)), List.of(), 1.0,
      null, null, null, Map.of(),
      outputs("topic", Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, 0.842)),
          "usa", Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, 0.91))),
      outputs("topic", Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, 0.42)),
          "usa", Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, 0.6))));

  @Test
  void aThresholdOnAnOutputChecksThatOutputsValueAndNamesIt() {
    List<CheckOutcome> outcomes = Gate.check(REPORT, List.of(
        ThresholdSpec.min(Metric.ACCURACY, 0.85).onOutput("topic"),
        ThresholdSpec.min(Metric.ACCURACY, 0.85).onOutput("usa"),
        ThresholdSpec.max(Metric.LOSS, 0.6)));

    assertFalse(outcomes.get(0).passed());
    assertEquals("m: topic test accuracy is 0.842, but expected minimum is 0.850",
        outcomes.get(0).message());
    assertTrue(outcomes.get(1).passed());
    assertEquals("m: usa test accuracy is 0.910 (minimum 0.850)", outcomes.get(1).message());
    assertEquals(0.91, outcomes.get(1).actual());
    // A threshold without an output is the model's: its total loss.
    assertEquals("m: test loss is 0.500 (maximum 0.600)", outcomes.get(2).message());
  }

  @Test
  void aBaselineMarginOnAnOutputIsOverThatOutputsBaseline() {
    List<CheckOutcome> outcomes = Gate.check(REPORT, List.of(
        ThresholdSpec.beatBaseline(Metric.ACCURACY, 0.35).onOutput("topic"),
        ThresholdSpec.beatBaseline(Metric.ACCURACY, 0.35).onOutput("usa")));

    assertEquals("m: topic test accuracy is 0.842 (minimum 0.770: the baseline's 0.420 plus"
        + " 0.350)", outcomes.get(0).message());
    assertEquals("m: usa test accuracy is 0.910, but expected minimum is 0.950 (the baseline's"
        + " 0.600 plus 0.350)", outcomes.get(1).message());
  }

  @Test
  void aThresholdOnAnOutputTheReportLacksNamesIt() {
    DeepBuildException e = assertThrows(DeepBuildException.class, () -> Gate.check(REPORT,
        List.of(ThresholdSpec.min(Metric.ACCURACY, 0.5).onOutput("sports"))));

    assertEquals("m: the threshold on sports test accuracy names an output the model does not"
        + " have; its outputs are [topic, usa]. Name one of them, or remove the threshold.",
        e.getMessage());
  }

  @Test
  void aThresholdOnASplitAnOutputLacksNamesTheOutputAndSplit() {
    DeepBuildException e = assertThrows(DeepBuildException.class, () -> Gate.check(REPORT,
        List.of(ThresholdSpec.min(Metric.ACCURACY, 0.5).on(DataSplit.VALIDATION).onOutput("topic"))));

    assertTrue(e.getMessage().startsWith("m: no topic validation accuracy was measured"),
        e.getMessage());
  }

  /** Two outputs' values in the network's order, as a report keeps them. */
  private static <V> Map<String, V> outputs(String first, V firstValue, String second,
      V secondValue) {
    Map<String, V> outputs = new LinkedHashMap<>();
    outputs.put(first, firstValue);
    outputs.put(second, secondValue);
    return outputs;
  }
}

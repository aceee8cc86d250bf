package dev.deepbuild.build.gate;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.result.ModelReport;
import java.util.List;

/** Checks every threshold of a model against its report. */
public final class Gate {
  private Gate() {}

  /**
   * One outcome per threshold, in order, with no accepted values: a regression tolerance is left
   * out with a warning.
   *
   * @throws DeepBuildException if the report lacks a metric a threshold needs, which the annotation
   *     processor rules out for generated models
   */
  public static List<CheckOutcome> check(ModelReport report, List<ThresholdSpec> thresholds) {
    return check(report, thresholds, AcceptedMetrics.none(AcceptedMetrics.DEFAULT_SOURCE));
  }

  /**
   * One outcome per threshold, in order, each regression tolerance measured from the model's value
   * in {@code accepted}.
   *
   * @throws DeepBuildException if the report lacks a metric a threshold needs, which the annotation
   *     processor rules out for generated models
   */
  public static List<CheckOutcome> check(
      ModelReport report, List<ThresholdSpec> thresholds, AcceptedMetrics accepted) {
    return thresholds.stream()
        .map(threshold -> ThresholdCheck.check(report.model(), threshold,
            report.metric(threshold.output(), threshold.on(), threshold.metric())
                .orElseThrow(() -> unmeasured(report, threshold)),
            report.baseline(threshold.output(), threshold.on(), threshold.metric()),
            new ThresholdCheck.Accepted(accepted.value(report.model(), threshold.output(),
                threshold.on(), threshold.metric()), accepted.source())))
        .toList();
  }

  private static DeepBuildException unmeasured(ModelReport report, ThresholdSpec threshold) {
    if (threshold.perOutput() && !report.outputs().containsKey(threshold.output())) {
      return new DeepBuildException(report.model() + ": the threshold on " + threshold.subject()
          + " names an output the model does not have; its outputs are "
          + report.outputs().keySet() + ". Name one of them, or remove the threshold.");
    }
    return new DeepBuildException(report.model() + ": no " + threshold.subject()
        + " was measured for the threshold on it; give the model " + threshold.on().label()
        + " data or remove the threshold");
  }
}

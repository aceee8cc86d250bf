package dev.deepbuild.runtime.fork;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.gate.Gate;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.runtime.gate.ThresholdOverrides;
import java.util.Map;

/**
 * A training session's result with the build's rules applied: the training session checks each
 * model's own thresholds, and a model that rules change is checked again here against its
 * thresholds as changed. Models the rules leave alone keep their outcome as it was.
 */
final class Rechecked {
  private Rechecked() {}

  /**
   * @param applied the rules' effect on each model, by name
   * @param accepted the accepted metrics the training session checked with
   */
  static SessionResult of(SessionResult result, Map<String, ThresholdOverrides.Applied> applied,
      AcceptedMetrics accepted) {
    if (result.error() != null) {
      return result;
    }
    return result.withModels(result.models().stream()
        .map(outcome -> recheck(outcome, applied.get(outcome.model()), accepted))
        .toList());
  }

  private static ModelOutcome recheck(
      ModelOutcome outcome, ThresholdOverrides.Applied applied, AcceptedMetrics accepted) {
    if (outcome.failed() || outcome.report() == null || applied == null
        || applied.changes().isEmpty()) {
      return outcome;
    }
    try {
      return outcome.withChecks(Gate.check(outcome.report(), applied.thresholds(), accepted));
    } catch (DeepBuildException e) {
      // A rule on a metric the model's report lacks fails that model only.
      return ModelOutcome.failed(outcome.model(), e.getMessage());
    }
  }
}

package dev.deepbuild.build.result;

import dev.deepbuild.build.gate.CheckOutcome;
import java.util.List;

/**
 * What became of one model in a session: trained, or reused because its saved model was up to
 * date, with its report and threshold checks; or failed with a message about its input.
 *
 * @param model the model's name
 * @param report the model's report; null when {@code error} is set
 * @param error why the model could not be trained; null when it was
 * @param checks one outcome per threshold; empty when {@code error} is set
 * @param upToDate whether the saved model was reused instead of training: {@code report} is the
 *     saved one, from the build that trained it
 */
public record ModelOutcome(
    String model, ModelReport report, String error, List<CheckOutcome> checks, boolean upToDate) {

  public ModelOutcome {
    checks = List.copyOf(checks);
  }

  /** An outcome of a model that was not reused. */
  public ModelOutcome(String model, ModelReport report, String error, List<CheckOutcome> checks) {
    this(model, report, error, checks, false);
  }

  public static ModelOutcome trained(ModelReport report, List<CheckOutcome> checks) {
    return new ModelOutcome(report.model(), report, null, checks, false);
  }

  public static ModelOutcome reused(ModelReport saved, List<CheckOutcome> checks) {
    return new ModelOutcome(saved.model(), saved, null, checks, true);
  }

  /** @param error what went wrong, naming the model and the fix */
  public static ModelOutcome failed(String model, String error) {
    return new ModelOutcome(model, null, error, List.of(), false);
  }

  /** This outcome with its thresholds checked again, say against thresholds the build changed. */
  public ModelOutcome withChecks(List<CheckOutcome> checks) {
    return new ModelOutcome(model, report, error, checks, upToDate);
  }

  /** This outcome as a later build reports it when nothing it depends on changed. */
  public ModelOutcome asUpToDate() {
    return new ModelOutcome(model, report, error, checks, true);
  }

  public boolean failed() {
    return error != null;
  }

  public List<CheckOutcome> violations() {
    return checks.stream().filter(check -> !check.passed()).toList();
  }
}

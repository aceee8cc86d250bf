package dev.deepbuild.runtime.session;

import dev.deepbuild.runtime.gate.CheckOutcome;
import dev.deepbuild.runtime.train.ModelReport;
import java.util.List;

/**
 * What became of one model in a session: trained, with its report and threshold checks, or failed
 * with a message about its input.
 *
 * @param model the model's name
 * @param report the trained model's report; null when {@code error} is set
 * @param error why the model could not be trained; null when it was
 * @param checks one outcome per threshold; empty when {@code error} is set
 */
public record ModelOutcome(String model, ModelReport report, String error, List<CheckOutcome> checks) {

  public ModelOutcome {
    checks = List.copyOf(checks);
  }

  static ModelOutcome trained(ModelReport report, List<CheckOutcome> checks) {
    return new ModelOutcome(report.model(), report, null, checks);
  }

  static ModelOutcome failed(String model, String error) {
    return new ModelOutcome(model, null, error, List.of());
  }

  public boolean failed() {
    return error != null;
  }

  public List<CheckOutcome> violations() {
    return checks.stream().filter(check -> !check.passed()).toList();
  }
}

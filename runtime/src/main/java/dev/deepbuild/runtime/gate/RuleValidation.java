package dev.deepbuild.runtime.gate;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.gate.RuleParser;
import dev.deepbuild.build.gate.ThresholdRule;
import dev.deepbuild.naming.Nearest;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Checks the configured rules against the build's models, before any model is trained or
 * evaluated: a rule names a model that exists, and its metric and split exist for that model. A
 * rule for every model must fit at least one; it applies to those it fits.
 */
public final class RuleValidation {
  private RuleValidation() {}

  /**
   * @param models every model of the build by name, not only those selected for this run
   * @throws DeepBuildException naming every problem, one a line, each with its fix
   */
  public static void check(List<ThresholdRule> rules, Map<String, ModelDefinition> models) {
    List<String> problems = new ArrayList<>();
    for (ThresholdRule rule : rules) {
      if (rule.forEveryModel()) {
        checkEveryModel(rule, models, problems);
      } else if (!models.containsKey(rule.model())) {
        problems.add(RuleParser.element(rule.number()) + ": <model>" + rule.model()
            + "</model> is not a model of this build; " + (models.isEmpty()
                ? "it has none."
                : "its models are " + String.join(", ", models.keySet()) + "."
                    + Nearest.didYouMean(rule.model(), models.keySet())));
      } else {
        RuleFit.problem(rule, models.get(rule.model()).spec())
            .ifPresent(problem -> problems.add(rule.describe() + ": " + problem + "."));
      }
    }
    if (!problems.isEmpty()) {
      throw new DeepBuildException(String.join(System.lineSeparator(), problems));
    }
  }

  private static void checkEveryModel(
      ThresholdRule rule, Map<String, ModelDefinition> models, List<String> problems) {
    List<String> misfits = new ArrayList<>();
    for (ModelDefinition model : models.values()) {
      ModelSpec spec = model.spec();
      Optional<String> problem = RuleFit.problem(rule, spec);
      if (problem.isEmpty()) {
        return;
      }
      misfits.add(problem.get());
    }
    problems.add(rule.describe() + " fits no model of this build"
        + (misfits.isEmpty() ? ", which has none." : ": " + String.join("; ", misfits) + "."));
  }
}

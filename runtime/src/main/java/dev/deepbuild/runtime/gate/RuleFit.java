package dev.deepbuild.runtime.gate;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.model.ModelSpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a rule's metric and split exist for a model: the checks the annotation processor makes
 * for {@code @Threshold}, made for a rule once the fork knows the build's models.
 */
final class RuleFit {
  private RuleFit() {}

  /** Why the model has no value for the rule to bound; empty when it has one. */
  static Optional<String> problem(ThresholdRule rule, ModelSpec spec) {
    String model = spec.name();
    if (!rule.metric().appliesTo(spec.task())) {
      return Optional.of(rule.metric().key() + " does not apply to " + model + ", "
          + (spec.task() == Task.CLASSIFICATION ? "a classifier" : "a regression model")
          + "; use one of " + metricsOf(spec.task()));
    }
    return switch (rule.on()) {
      case VALIDATION -> spec.kFold() != null
          ? Optional.of(model + " validates on @KFold folds and has no VALIDATION metrics; use"
              + " <on>KFOLD_MEAN</on> or <on>KFOLD_WORST</on>")
          : spec.validationFraction() == 0
              ? Optional.of(model + " holds out no validation data; use <on>TEST</on> or"
                  + " <on>TRAIN</on>, or hold out validation data in the model's split")
              : Optional.empty();
      case KFOLD_MEAN, KFOLD_WORST -> spec.kFold() == null
          ? Optional.of(model + " has no @KFold, so it has no " + rule.on() + " metrics; use"
              + " <on>TEST</on>, or add @KFold to the model")
          : Optional.empty();
      case TRAIN, TEST -> Optional.empty();
    };
  }

  private static String metricsOf(Task task) {
    return Arrays.stream(Metric.values())
        .filter(metric -> metric.appliesTo(task))
        .map(Metric::name)
        .collect(Collectors.joining(", "));
  }
}

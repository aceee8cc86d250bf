package dev.deepbuild.runtime.gate;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.gate.ThresholdRule;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Whether a rule's metric and split exist for a model: the checks the annotation processor makes
 * for {@code @Threshold}, by the same rules ({@link Metric#appliesTo}, {@link
 * dev.deepbuild.annotations.DataSplit#missingFrom}), made for a rule once the fork knows the
 * build's models.
 */
final class RuleFit {
  private RuleFit() {}

  /** Why the model has no value for the rule to bound; empty when it has one. */
  static Optional<String> problem(ThresholdRule rule, ModelSpec spec) {
    String model = spec.name();
    if (spec.functional() && !rule.metric().appliesToModel(spec.task(), true)) {
      return Optional.of(rule.metric().key() + " is a metric of each output of " + model + " "
          + spec.outputs().stream().map(OutputSpec::name).toList() + ", and a rule bounds the"
          + " model's own metric, its loss; use LOSS, or a @Threshold(output = ...) on the class");
    }
    if (!rule.metric().appliesTo(spec.task())) {
      return Optional.of(rule.metric().key() + " does not apply to " + model + ", "
          + (spec.task() == Task.CLASSIFICATION ? "a classifier" : "a regression model")
          + "; use one of " + metricsOf(spec.task()));
    }
    return spec.missing(rule.on()).map(missing ->
        switch (missing) {
          case FOLDS_VALIDATE -> model + " validates on @KFold folds and has no VALIDATION"
              + " metrics; use <on>KFOLD_MEAN</on> or <on>KFOLD_WORST</on>";
          case NO_VALIDATION_DATA -> model + " holds out no validation data and has no"
              + " validation table; use <on>TEST</on> or <on>TRAIN</on>, or give the model"
              + " validation data (a validation fraction in its split, or"
              + " @CsvData(validationFile = ...))";
          case NO_KFOLD -> model + " has no @KFold, so it has no " + rule.on() + " metrics; use"
              + " <on>TEST</on>, or add @KFold to the model";
        });
  }

  private static String metricsOf(Task task) {
    return Metric.of(task).stream().map(Metric::name).collect(Collectors.joining(", "));
  }
}

package dev.deepbuild.processor.validation;

import dev.deepbuild.naming.Nearest;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Loss;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.MissingSplit;
import dev.deepbuild.annotations.Task;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the checks that name a metric or watch validation data read from the rest of a class
 * (thresholds, early stopping, a plateau schedule): the loss, the one data annotation, and whether
 * there is {@code @KFold}. Any of them may be missing or wrong; that is reported where it is
 * declared, and not held against these parts.
 *
 * @param loss the loss of {@code @Train}, if present, which decides the metrics that apply
 * @param data the class's one data annotation, if it has exactly one, which decides whether there
 *     is validation data
 * @param kFold whether the class has {@code @KFold}
 * @param outputs a functional model's outputs by name, each with the task its loss gives it;
 *     empty for a sequential model
 */
record ModelFacts(
    Optional<Loss> loss, Optional<DeclaredData> data, boolean kFold, Map<String, Task> outputs) {

  ModelFacts(Optional<Loss> loss, Optional<DeclaredData> data, boolean kFold) {
    this(loss, data, kFold, Map.of());
  }

  /** Whether the model is functional, with named outputs that have the metrics. */
  boolean functional() {
    return !outputs.isEmpty();
  }

  /**
   * The task the metrics are checked against: the loss's, unless it contradicts the data's. Such
   * a loss is reported on the loss, and metrics are not held against it.
   */
  Optional<Task> task() {
    return loss.map(Loss::task)
        .filter(lossTask -> data.flatMap(DeclaredData::task).orElse(lossTask) == lossTask);
  }

  /**
   * Why the model has no metrics on {@code split}, by the rule the build's threshold rules follow
   * too; empty when it has them. Data with errors of its own counts as having validation data, so
   * that only those errors are reported.
   */
  Optional<MissingSplit> missing(DataSplit split) {
    return split.missingFrom(kFold, data.map(DeclaredData::hasValidationData).orElse(true));
  }

  /**
   * Reports a metric the model does not have, on the member that names it.
   *
   * @param verb how the fix starts, such as {@code Use} or {@code Monitor}
   */
  void checkMetric(
      ErrorReporter errors, AnnotationSite site, String member, Metric metric, String verb) {
    if (functional() && !metric.appliesToModel(task().orElse(null), true)) {
      errors.error(
          site, member,
          "a model of several outputs has one metric of its own, its loss (the weighted sum of"
              + " the outputs' losses); " + metric.key() + " is each output's.",
          verb + " LOSS, or name the output whose " + metric.key() + " counts, such as output = \""
              + outputs.keySet().iterator().next() + "\".");
      return;
    }
    Optional<Task> task = task();
    if (task.isPresent() && !metric.appliesTo(task.get())) {
      errors.error(
          site, member,
          metric.key() + " does not apply to " + describe(task.get()) + ", and loss = "
              + loss.orElseThrow() + " makes this model one.",
          verb + " a metric that does: " + metricsOf(task.get()) + ".");
    }
  }

  /**
   * Reports a metric the model does not have, or, when {@code output} names one, an output the
   * model does not have or a metric that output does not have; the one rule of {@code
   * @Threshold}, {@code @EarlyStopping} and a plateau schedule.
   *
   * @param member the member that names the metric, such as {@code monitor}
   * @param output the annotation's {@code output}: empty for the model's metric
   */
  void checkMetricOf(ErrorReporter errors, AnnotationSite site, String member, String output,
      Metric metric, String verb) {
    if (output.isEmpty()) {
      checkMetric(errors, site, member, metric, verb);
    } else if (!functional()) {
      errors.error(
          site, "output",
          "output names one output of a model of several, and this model has one output.",
          "Remove output; the model's own " + metric.key() + " is then meant.");
    } else if (!outputs.containsKey(output)) {
      errors.error(
          site, "output",
          "the model has no output '" + output + "'; its outputs are " + outputs.keySet() + ".",
          "Name one of them." + Nearest.didYouMean(output, outputs.keySet()));
    } else {
      checkOutputMetric(errors, site, member, output, metric);
    }
  }

  /** Reports a metric the named output of a functional model does not have. */
  private void checkOutputMetric(
      ErrorReporter errors, AnnotationSite site, String member, String output, Metric metric) {
    Task task = outputs.get(output);
    if (!metric.appliesTo(task)) {
      errors.error(
          site, member,
          metric.key() + " does not apply to " + describe(task) + ", and the output '" + output
              + "' is one.",
          "Use a metric that does: " + metricsOf(task) + ".");
    }
  }

  /**
   * Reports a part that watches validation metrics after every epoch on a model without hold-out
   * validation data: one under {@code @KFold}, whose final fit has none, or one whose data holds
   * out none. A validation fraction outside [0, 1) is the data's own error.
   *
   * @param member the member at fault, or null for the whole annotation
   * @param watches what the part watches, as the problem starts, such as {@code it watches the
   *     validation loss}
   * @param instead how to do without validation data, for the fix, such as {@code remove
   *     @EarlyStopping}
   */
  void checkHoldOutValidation(
      ErrorReporter errors, AnnotationSite site, String member, String watches, String instead) {
    MissingSplit missing = missing(DataSplit.VALIDATION).orElse(null);
    if (missing == MissingSplit.FOLDS_VALIDATE) {
      String holdOut = data.map(DeclaredData::holdOutExample).orElse("hold out validation data");
      report(
          errors, site, member,
          watches + ", and under @KFold the final fit has no validation data: the folds"
              + " validate, then the model trains on the whole training split.",
          "Hold out validation data instead of @KFold: remove @KFold and " + holdOut + "; or "
              + instead + ".");
    } else if (missing == MissingSplit.NO_VALIDATION_DATA) {
      report(
          errors, site, member,
          watches + ", and the model has no validation data, since " + data.get().noValidation()
              + ".",
          capitalized(data.get().holdOutExample()) + ", or " + instead + ".");
    }
  }

  private static void report(
      ErrorReporter errors, AnnotationSite site, String member, String problem, String fix) {
    if (member == null) {
      errors.error(site, problem, fix);
    } else {
      errors.error(site, member, problem, fix);
    }
  }

  /** How messages name a model of the task: {@code a classifier}. */
  static String describe(Task task) {
    return switch (task) {
      case CLASSIFICATION -> "a classifier";
      case REGRESSION -> "a regression model";
    };
  }

  /** The metrics of the task, for messages: {@code LOSS, ACCURACY, PRECISION, RECALL or F1}. */
  static String metricsOf(Task task) {
    List<String> names = Metric.of(task).stream().map(Metric::name).toList();
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or " + names.get(names.size() - 1);
  }

  private static String capitalized(String text) {
    return Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}

package dev.deepbuild.processor.validation;


import dev.deepbuild.annotations.BoundProblem;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.PlainNumber;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Thresholds;
import dev.deepbuild.processor.model.ThresholdDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/**
 * Checks each {@code @Threshold}: that it bounds something, and that it can be met, by the rules
 * the build's threshold rules follow too ({@link BoundProblem#of}, {@link Metric#appliesTo},
 * {@link DataSplit#missingFrom}).
 */
final class ThresholdValidator {

  private final ErrorReporter errors;

  ThresholdValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * @param facts the loss, the data and {@code @KFold}, which decide the metrics that apply and
   *     the splits that exist
   */
  Optional<List<ThresholdDescription>> validate(TypeElement type, ModelFacts facts) {
    int before = errors.errorCount();
    List<ThresholdDescription> thresholds = new ArrayList<>();
    for (AnnotationSite threshold : thresholds(type)) {
      validate(threshold, facts).ifPresent(thresholds::add);
    }
    return errors.errorCount() > before ? Optional.empty() : Optional.of(thresholds);
  }

  /** Single and repeated {@code @Threshold}s, in source order. */
  private static List<AnnotationSite> thresholds(TypeElement type) {
    List<AnnotationSite> thresholds = new ArrayList<>();
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      if (AnnotationSite.isOfType(mirror, Threshold.class)) {
        thresholds.add(new AnnotationSite(type, mirror));
      } else if (AnnotationSite.isOfType(mirror, Thresholds.class)) {
        thresholds.addAll(new AnnotationSite(type, mirror).annotationValues("value"));
      }
    }
    return thresholds;
  }

  private Optional<ThresholdDescription> validate(AnnotationSite threshold, ModelFacts facts) {
    int before = errors.errorCount();
    Metric metric = threshold.enumValue("metric", Metric.class);
    double min = threshold.doubleValue("min");
    double max = threshold.doubleValue("max");
    double beatBaselineBy = threshold.doubleValue("beatBaselineBy");
    double maxRegression = threshold.doubleValue("maxRegression");
    DataSplit on = threshold.enumValue("on", DataSplit.class);

    for (BoundProblem problem
        : BoundProblem.of(metric, on, min, max, beatBaselineBy, maxRegression)) {
      report(threshold, problem, metric, on, max, facts.task());
    }
    String output = threshold.stringValue("output");
    facts.checkMetricOf(errors, threshold, "metric", output, metric, "Use");
    if (!output.isEmpty() && (on == DataSplit.KFOLD_MEAN || on == DataSplit.KFOLD_WORST)) {
      errors.error(
          threshold, "on",
          "the k-fold folds measure the model's loss, the weighted sum of its outputs', not each"
              + " output's metrics.",
          "Bound the folds' LOSS without output, or " + output + "'s " + metric.key()
              + " on TEST or VALIDATION.");
    }
    checkSplit(threshold, on, facts);
    return errors.errorCount() > before
        ? Optional.empty()
        : Optional.of(new ThresholdDescription(
            metric, on, min, max, beatBaselineBy, maxRegression, output));
  }

  /** Reports a problem of the threshold's bounds, on the member at fault. */
  private void report(AnnotationSite threshold, BoundProblem problem, Metric metric, DataSplit on,
      double max, Optional<Task> task) {
    String highest = number(metric.highest());
    String lowest = number(metric.lowest());
    switch (problem) {
      case NO_BOUND -> errors.error(
          threshold,
          "it sets no bound: min, max, beatBaselineBy and maxRegression are all unset.",
          "Give min, max, beatBaselineBy or maxRegression, such as " + example(metric) + ".");
      case MIN_NOT_FINITE -> errors.error(
          threshold, "min", "min is infinite, so every value meets it or none does.",
          "Set min to a finite number, such as 0.9, or remove it.");
      case MAX_NOT_FINITE -> errors.error(
          threshold, "max", "max is infinite, so every value meets it or none does.",
          "Set max to a finite number, such as 0.5, or remove it.");
      case MIN_ABOVE_MAX -> errors.error(
          threshold, "min", "min is above max = " + max + ", so no value can pass.",
          "Set min at most max, or swap them.");
      case MIN_ABOVE_HIGHEST -> errors.error(
          threshold, "min",
          metric.key() + " is at most " + highest + ", so this threshold can never be met.",
          "Set min to " + highest + " or less" + (metric.highest() == 1
              ? ": " + metric.key() + " is a fraction, and 0.9 is 90%" : "") + ".");
      case MAX_BELOW_LOWEST -> errors.error(
          threshold, "max",
          metric.key() + " is at least " + lowest + ", so this threshold can never be met.",
          "Set max to " + lowest + " or more.");
      case MIN_BELOW_LOWEST -> errors.warning(
          threshold, "min",
          metric.key() + " is at least " + lowest + ", so this minimum is always met.",
          "Raise min above " + lowest + ", or remove it.");
      case MAX_ABOVE_HIGHEST -> errors.warning(
          threshold, "max",
          metric.key() + " is at most " + highest + ", so this maximum is always met.",
          "Lower max below " + highest + ", or remove it.");
      case MARGIN_NOT_POSITIVE -> errors.error(
          threshold, "beatBaselineBy",
          "beatBaselineBy is how much better than the common-sense baseline " + metric.key()
              + " must be, in its own units, so it is positive and finite.",
          "Set a margin such as " + marginExample(metric) + ", or remove it.");
      case NO_BASELINE_METRIC -> errors.error(
          threshold, "beatBaselineBy",
          "no baseline loss is computed, so the loss has no baseline to beat.",
          "Use a metric such as " + baselineMetrics(task) + ", or bound the loss with max.");
      case NO_BASELINE_SPLIT -> errors.error(
          threshold, "beatBaselineBy",
          "no baseline is measured on the k-fold folds, so " + on + " has no baseline to beat.",
          "Measure on TEST, VALIDATION or TRAIN, or bound " + on + " with min or max.");
      case MARGIN_ABOVE_RANGE -> errors.error(
          threshold, "beatBaselineBy",
          metric.key() + " is between " + lowest + " and " + highest
              + ", so no model beats the baseline by more than " + number(metric.range()) + ".",
          "Set a margin below " + number(metric.range()) + ", such as " + marginExample(metric)
              + ": " + metric.key() + " is a fraction, and 0.1 is 10 points.");
      case REGRESSION_NOT_FINITE_OR_NEGATIVE -> errors.error(
          threshold, "maxRegression",
          "maxRegression is how much worse than its accepted value (mvn dl:accept) "
              + metric.key() + " may be, in its own units, so it is zero or more and finite.",
          "Set a tolerance such as " + regressionExample(metric)
              + ", 0 for no regression at all, or remove it.");
      case REGRESSION_ABOVE_RANGE -> errors.warning(
          threshold, "maxRegression",
          metric.key() + " is between " + lowest + " and " + highest + ", so it never falls"
              + " more than " + number(metric.range()) + " from its accepted value, and this"
              + " maxRegression is always met.",
          "Set a tolerance below " + number(metric.range()) + ", such as "
              + regressionExample(metric) + ", or remove it.");
    }
  }

  /** A regression tolerance that makes sense for the metric, for messages. */
  private static String regressionExample(Metric metric) {
    return metric.higherIsBetter()
        ? "0.01, for " + metric.key() + " at most 0.01 below the accepted value"
        : "0.05, for " + metric.key() + " at most 0.05 above the accepted value";
  }

  /** A margin that makes sense for the metric, with what it asks for, for messages. */
  private static String marginExample(Metric metric) {
    return metric.higherIsBetter()
        ? "0.1, for " + metric.key() + " at least 0.1 above the baseline's"
        : "0.5, for " + metric.key() + " at least 0.5 below the baseline's";
  }

  /** The metrics with a baseline of the model's task, for messages. */
  private static String baselineMetrics(Optional<Task> task) {
    return task.map(known -> known == Task.CLASSIFICATION ? "ACCURACY" : "MAE")
        .orElse("ACCURACY or MAE");
  }

  /** That the split the threshold measures on exists, by the rule the build's rules follow too. */
  private void checkSplit(AnnotationSite threshold, DataSplit on, ModelFacts facts) {
    Optional<DeclaredData> data = facts.data();
    facts.missing(on).ifPresent(missing -> {
      switch (missing) {
        case FOLDS_VALIDATE -> errors.error(
            threshold, "on",
            "@KFold validates on folds rather than on hold-out validation data, so the model"
                + " has no VALIDATION metrics.",
            "Measure on KFOLD_MEAN, the mean of the folds, or KFOLD_WORST, the worst fold.");
        case NO_VALIDATION_DATA -> errors.error(
            threshold, "on",
            "the model has no validation data, since " + data.orElseThrow().noValidation() + ".",
            "Measure on TEST or TRAIN, or " + data.orElseThrow().holdOutExample() + ".");
        case NO_KFOLD -> errors.error(
            threshold, "on",
            on + " is " + (on == DataSplit.KFOLD_MEAN
                ? "the mean of the folds' validation metrics"
                : "the worst fold's validation metric")
                + " under @KFold, and this class has no @KFold.",
            "Add @KFold(k = 4), or measure on TEST.");
      }
    });
  }

  /** A bound that makes sense for the metric: a minimum when higher is better. */
  private static String example(Metric metric) {
    return metric.higherIsBetter()
        ? "@Threshold(metric = " + metric + ", min = 0.9)"
        : "@Threshold(metric = " + metric + ", max = 0.5)";
  }

  /** A metric's bound as a person writes it: 0 and 1 rather than 0.0 and 1.0. */
  private static String number(double bound) {
    return PlainNumber.of(bound);
  }
}

package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Loss;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.annotations.Threshold;
import dev.deepbuild.annotations.Thresholds;
import dev.deepbuild.processor.model.ThresholdDescription;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.TypeElement;

/** Checks each {@code @Threshold}: that it bounds something, and that it can be met. */
final class ThresholdValidator {

  private final ErrorReporter errors;

  ThresholdValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * @param loss the loss of {@code @Train}, if present, which decides the metrics that apply
   * @param data the class's one data annotation, if it has exactly one, which decides whether
   *     there is validation data
   * @param kFold whether the class has {@code @KFold}, which the k-fold splits need
   */
  Optional<List<ThresholdDescription>> validate(
      TypeElement type, Optional<Loss> loss, Optional<DeclaredData> data, boolean kFold) {
    int before = errors.errorCount();
    // A loss that contradicts the data's task is reported on the loss; metrics are not held
    // against it.
    Optional<Task> task =
        loss.map(Loss::task)
            .filter(lossTask -> data.flatMap(DeclaredData::task).orElse(lossTask) == lossTask);
    List<ThresholdDescription> thresholds = new ArrayList<>();
    for (AnnotationSite threshold : thresholds(type)) {
      validate(threshold, task, loss, data, kFold).ifPresent(thresholds::add);
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

  private Optional<ThresholdDescription> validate(
      AnnotationSite threshold,
      Optional<Task> task,
      Optional<Loss> loss,
      Optional<DeclaredData> data,
      boolean kFold) {
    int before = errors.errorCount();
    Metric metric = threshold.enumValue("metric", Metric.class);
    double min = threshold.doubleValue("min");
    double max = threshold.doubleValue("max");
    DataSplit on = threshold.enumValue("on", DataSplit.class);

    if (Double.isNaN(min) && Double.isNaN(max)) {
      errors.error(
          threshold,
          "it sets no bound: min and max are both unset.",
          "Set min, max or both, such as " + example(metric) + ".");
    } else if (min > max) {
      errors.error(
          threshold, "min", "min is above max = " + max + ", so no value can pass.",
          "Set min at most max, or swap them.");
    }
    checkRange(threshold, metric, min, max);
    if (task.isPresent() && !metric.appliesTo(task.get())) {
      errors.error(
          threshold, "metric",
          metric.key() + " does not apply to " + describe(task.get()) + ", and loss = "
              + loss.orElseThrow() + " makes this model one.",
          "Use a metric that does: " + metricsOf(task.get()) + ".");
    }
    checkSplit(threshold, on, data, kFold);
    return errors.errorCount() > before
        ? Optional.empty()
        : Optional.of(new ThresholdDescription(metric, on, min, max));
  }

  /** That the split the threshold measures on exists. */
  private void checkSplit(
      AnnotationSite threshold, DataSplit on, Optional<DeclaredData> data, boolean kFold) {
    switch (on) {
      case VALIDATION -> {
        if (kFold) {
          errors.error(
              threshold, "on",
              "@KFold validates on folds rather than on hold-out validation data, so the model"
                  + " has no VALIDATION metrics.",
              "Measure on KFOLD_MEAN, the mean of the folds, or KFOLD_WORST, the worst fold.");
        } else if (data.isPresent() && data.get().validationFraction() == 0) {
          errors.error(
              threshold, "on",
              "the model has no validation data, since " + data.get().noValidation() + ".",
              "Measure on TEST or TRAIN, or " + holdOutExample(data.get()) + ".");
        }
      }
      case KFOLD_MEAN, KFOLD_WORST -> {
        if (!kFold) {
          String measured =
              on == DataSplit.KFOLD_MEAN
                  ? "the mean of the folds' validation metrics"
                  : "the worst fold's validation metric";
          errors.error(
              threshold, "on",
              on + " is " + measured + " under @KFold, and this class has no @KFold.",
              "Add @KFold(k = 4), or measure on TEST.");
        }
      }
      case TRAIN, TEST -> {}
    }
  }

  /** How to hold out validation data from the given data, for messages. */
  private static String holdOutExample(DeclaredData data) {
    return switch (data.kind()) {
      case CSV -> "hold out validation rows, such as split = @Split(validation = 0.2)";
      case TEXT -> "hold out validation texts, such as split = @Split(validation = 0.2)";
      case DATASET ->
          "hold out part of the training split, such as @Dataset(value = "
              + data.dataset().orElseThrow() + ", validation = 0.2)";
    };
  }

  /** Errors for bounds no model can meet; warnings for bounds every model meets. */
  private void checkRange(AnnotationSite threshold, Metric metric, double min, double max) {
    String highest = number(metric.highest());
    String lowest = number(metric.lowest());
    if (min > metric.highest()) {
      String percent =
          metric.highest() == 1 ? ": " + metric.key() + " is a fraction, and 0.9 is 90%" : "";
      errors.error(
          threshold, "min",
          metric.key() + " is at most " + highest + ", so this threshold can never be met.",
          "Set min to " + highest + " or less" + percent + ".");
    }
    if (max < metric.lowest()) {
      errors.error(
          threshold, "max",
          metric.key() + " is at least " + lowest + ", so this threshold can never be met.",
          "Set max to " + lowest + " or more.");
    }
    if (min < metric.lowest()) {
      errors.warning(
          threshold, "min",
          metric.key() + " is at least " + lowest + ", so this minimum is always met.",
          "Raise min above " + lowest + ", or remove it.");
    }
    if (max > metric.highest()) {
      errors.warning(
          threshold, "max",
          metric.key() + " is at most " + highest + ", so this maximum is always met.",
          "Lower max below " + highest + ", or remove it.");
    }
  }

  /** A bound that makes sense for the metric: a minimum when higher is better. */
  private static String example(Metric metric) {
    return metric.higherIsBetter()
        ? "@Threshold(metric = " + metric + ", min = 0.9)"
        : "@Threshold(metric = " + metric + ", max = 0.5)";
  }

  private static String describe(Task task) {
    return switch (task) {
      case CLASSIFICATION -> "a classifier";
      case REGRESSION -> "a regression model";
    };
  }

  private static String metricsOf(Task task) {
    List<String> names =
        Arrays.stream(Metric.values())
            .filter(metric -> metric.appliesTo(task))
            .map(Metric::name)
            .toList();
    return String.join(", ", names.subList(0, names.size() - 1))
        + " or " + names.get(names.size() - 1);
  }

  /** A metric's bound as a person writes it: 0 and 1 rather than 0.0 and 1.0. */
  private static String number(double bound) {
    return Double.isFinite(bound)
        ? BigDecimal.valueOf(bound).stripTrailingZeros().toPlainString()
        : Double.toString(bound);
  }
}

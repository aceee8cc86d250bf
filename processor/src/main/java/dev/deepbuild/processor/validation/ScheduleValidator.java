package dev.deepbuild.processor.validation;

import static dev.deepbuild.annotations.LearningRateSchedule.Type.ON_PLATEAU;
import static dev.deepbuild.annotations.LearningRateSchedule.Type.STEP;

import dev.deepbuild.annotations.LearningRateSchedule;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.PlainNumber;
import dev.deepbuild.processor.model.ScheduleDescription;
import dev.deepbuild.processor.model.TrainingDescription;
import java.util.Optional;

/**
 * Checks {@code @LearningRateSchedule}: the values its type uses, a warning for those it ignores,
 * and for a plateau schedule the metric and the validation data it watches.
 */
final class ScheduleValidator {

  private final ErrorReporter errors;

  ScheduleValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * @param schedule the {@code @LearningRateSchedule}, if present
   * @param training the training options, if valid, whose learning rate the schedule starts from
   * @return its description, the options its type ignores at their defaults; empty when there is
   *     none, or an error
   */
  Optional<ScheduleDescription> validate(
      Optional<AnnotationSite> schedule, ModelFacts facts, Optional<TrainingDescription> training) {
    if (schedule.isEmpty()) {
      return Optional.empty();
    }
    int before = errors.errorCount();
    AnnotationSite site = schedule.get();
    LearningRateSchedule.Type type = site.enumValue("value", LearningRateSchedule.Type.class);
    double factor = site.doubleValue("factor");
    double minLearningRate = site.doubleValue("minLearningRate");
    if (!(factor > 0 && factor < 1)) {
      errors.error(
          site, "factor",
          "factor multiplies the learning rate at each reduction, so it is in (0, 1): below 1 to"
              + " lower the rate, above 0 to keep one.",
          "Set a factor such as 0.5, which halves the rate.");
    }
    if (!(minLearningRate >= 0 && Double.isFinite(minLearningRate))) {
      errors.error(
          site, "minLearningRate",
          "minLearningRate is the floor of the learning rate, so it is a finite number, 0 or"
              + " more.",
          "Set it to 0 for no floor, or to a small rate such as 1e-5.");
    } else if (minLearningRate > 0 && training.isPresent()) {
      checkFloorBelowStart(site, minLearningRate, training.get());
    }

    int every = usedOrDefault(site, type, "every", STEP);
    if (type == STEP && every < 1) {
      errors.error(
          site, "every",
          "every is the number of epochs between two reductions, so it is at least 1.",
          "Set every to 1 or more, such as 10.");
    }
    int patience = usedOrDefault(site, type, "patience", ON_PLATEAU);
    Metric monitor =
        type == ON_PLATEAU
            ? site.enumValue("monitor", Metric.class)
            : site.enumDefault("monitor", Metric.class);
    warnIfIgnored(site, type, "monitor", ON_PLATEAU);
    String output = site.stringValue("output");
    if (type == ON_PLATEAU) {
      if (patience < 1) {
        errors.error(
            site, "patience",
            "patience is the number of epochs without improvement before a reduction, so it is"
                + " at least 1.",
            "Set patience to 1 or more, such as 5.");
      }
      facts.checkMetricOf(errors, site, "monitor", output, monitor, "Monitor");
      facts.checkHoldOutValidation(
          errors, site, "value",
          "ON_PLATEAU watches the validation " + monitor.key() + " after every epoch",
          "use STEP or EXPONENTIAL, which need none");
    }
    return errors.errorCount() > before
        ? Optional.empty()
        : Optional.of(
            new ScheduleDescription(type, factor, every, patience, monitor, minLearningRate,
                output));
  }

  /**
   * The member's value when the type uses it; otherwise its default, with a warning when it is
   * written.
   */
  private int usedOrDefault(
      AnnotationSite site, LearningRateSchedule.Type type, String member,
      LearningRateSchedule.Type usedBy) {
    if (type == usedBy) {
      return site.intValue(member);
    }
    warnIfIgnored(site, type, member, usedBy);
    return site.intDefault(member);
  }

  private void warnIfIgnored(
      AnnotationSite site, LearningRateSchedule.Type type, String member,
      LearningRateSchedule.Type usedBy) {
    if (type != usedBy && site.isWritten(member)) {
      errors.warning(
          site, member,
          member + " applies to " + usedBy + " only, so " + type + " ignores it.",
          "Remove " + member + ", or use " + usedBy + ".");
    }
  }

  /** A floor at or above the starting rate leaves the schedule nothing to do. */
  private void checkFloorBelowStart(
      AnnotationSite site, double minLearningRate, TrainingDescription training) {
    double start = training.optimizer().learningRate();
    if (minLearningRate >= start) {
      String rate = PlainNumber.of(start);
      errors.warning(
          site, "minLearningRate",
          "the learning rate starts at " + rate
              + (training.optimizer().usesDefaultLearningRate()
                  ? ", " + training.optimizer().type() + "'s default,"
                  : ",")
              + " which is not above this floor, so the schedule never lowers it.",
          "Set minLearningRate below " + rate + ", or remove it.");
    }
  }
}

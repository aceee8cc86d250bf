package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.processor.model.EarlyStoppingDescription;
import java.util.Optional;

/**
 * Checks {@code @EarlyStopping}: its values, that the model has the metric it monitors, and that
 * there is hold-out validation data to monitor it on.
 */
final class EarlyStoppingValidator {

  private final ErrorReporter errors;

  EarlyStoppingValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * @param earlyStopping the {@code @EarlyStopping}, if present
   * @return its description; empty when there is none, or an error
   */
  Optional<EarlyStoppingDescription> validate(
      Optional<AnnotationSite> earlyStopping, ModelFacts facts) {
    if (earlyStopping.isEmpty()) {
      return Optional.empty();
    }
    int before = errors.errorCount();
    AnnotationSite site = earlyStopping.get();
    Metric monitor = site.enumValue("monitor", Metric.class);
    int patience = site.intValue("patience");
    double minDelta = site.doubleValue("minDelta");
    if (patience < 1) {
      errors.error(
          site, "patience",
          "patience is the number of epochs without improvement before training stops, so it is"
              + " at least 1.",
          "Set patience to 1 or more, such as 5.");
    }
    if (!(minDelta >= 0 && Double.isFinite(minDelta))) {
      errors.error(
          site, "minDelta",
          "minDelta is the smallest change of the validation " + monitor.key() + " that counts"
              + " as an improvement, so it is a finite number, 0 or more.",
          "Set minDelta to 0 to count any improvement, or to a margin such as 0.001.");
    }
    String output = site.stringValue("output");
    facts.checkMetricOf(errors, site, "monitor", output, monitor, "Monitor");
    facts.checkHoldOutValidation(
        errors, site, null,
        "it watches the validation " + monitor.key() + " after every epoch",
        facts.kFold()
            ? "keep @KFold with finalEpochs = BEST_MEAN, which trains the final model for the"
                + " folds' best mean epoch, and remove @EarlyStopping"
            : "remove @EarlyStopping");
    return errors.errorCount() > before
        ? Optional.empty()
        : Optional.of(
            new EarlyStoppingDescription(
                monitor, patience, minDelta, site.booleanValue("restoreBestWeights"), output));
  }
}

package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.processor.model.KFoldDescription;
import java.util.Optional;

/**
 * Checks {@code @KFold}, that the data holds out no validation fraction beside it, and that
 * {@code finalEpochs = BEST_MEAN} has epochs to choose from.
 */
final class KFoldValidator {

  private final ErrorReporter errors;

  KFoldValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * @param kFold the {@code @KFold}, if present
   * @param data the class's one data annotation, if it has exactly one
   * @param train the {@code @Train}, if present
   * @return the k-fold; empty when there is none, or an error
   */
  Optional<KFoldDescription> validate(
      Optional<AnnotationSite> kFold, Optional<DeclaredData> data, Optional<AnnotationSite> train) {
    if (kFold.isEmpty()) {
      return Optional.empty();
    }
    int before = errors.errorCount();
    AnnotationSite site = kFold.get();
    int k = site.intValue("k");
    int iterations = site.intValue("iterations");
    if (k < 2) {
      errors.error(
          site, "k",
          "k is the number of folds, and each fold validates a model trained on the others, so"
              + " it is at least 2.",
          "Set k to 2 or more, such as 4.");
    }
    if (iterations < 1) {
      errors.error(
          site, "iterations",
          "iterations is how many times the whole k-fold runs, so it is at least 1.",
          "Set iterations to 1 or more, or remove it for 1.");
    }
    if (data.isPresent()) {
      checkNoHoldOutValidation(data.get());
    }
    FinalEpochs finalEpochs = site.enumValue("finalEpochs", FinalEpochs.class);
    if (finalEpochs == FinalEpochs.BEST_MEAN && train.isPresent()) {
      checkEpochsToChooseFrom(site, train.get().intValue("epochs"));
    }
    return errors.errorCount() > before
        ? Optional.empty()
        : Optional.of(new KFoldDescription(k, iterations, finalEpochs));
  }

  /**
   * BEST_MEAN picks one of the folds' epochs, which {@code @Train(epochs)} counts; a count that is
   * not positive is {@code @Train}'s own error.
   */
  private void checkEpochsToChooseFrom(AnnotationSite site, int epochs) {
    if (epochs == 1) {
      errors.error(
          site, "finalEpochs",
          "BEST_MEAN trains the final model for the epoch with the best mean validation value"
              + " across the folds, which train for @Train(epochs = 1): there is only one epoch"
              + " to choose.",
          "Give @Train the most epochs worth trying, such as epochs = 100, or remove finalEpochs.");
    }
  }

  /** A fraction out of [0, 1) is reported by the data's own check. */
  private void checkNoHoldOutValidation(DeclaredData data) {
    if (data.hasValidationTable()) {
      String member = data.site().stringValue("validationFile").isEmpty()
          ? "validationResource" : "validationFile";
      errors.error(
          data.site(), member,
          "@KFold validates on folds of the training data, so a validation table of its own would"
              + " go unused.",
          "Remove " + member + ", or remove @KFold to validate on that table.");
      return;
    }
    double validation = data.validationFraction();
    if (!(validation > 0 && validation < 1)) {
      return;
    }
    String problem =
        "@KFold validates on folds of the training data, so a hold-out validation fraction would"
            + " only take data away from training.";
    String withoutKFold = "or remove @KFold to validate on a hold-out fraction.";
    if (data.kind() == DeclaredData.Kind.DATASET) {
      errors.error(
          data.validationSite(), "validation", problem, "Set validation = 0, " + withoutKFold);
      return;
    }
    String noValidation =
        "split = @Split(test = " + ErrorReporter.source(data.validationSite().value("test"))
            + ", validation = 0)";
    if (data.site().isWritten("split")) {
      errors.error(
          data.validationSite(), "validation", problem,
          "Set validation = 0, as in " + noValidation + ", " + withoutKFold);
    } else {
      // A defaulted @Split is not in the source: report on the data annotation, which is.
      errors.error(
          data.site(),
          "its split holds out validation = " + ErrorReporter.source(
              data.validationSite().value("validation")) + " by default, but " + problem,
          "Set " + noValidation + ", " + withoutKFold);
    }
  }
}

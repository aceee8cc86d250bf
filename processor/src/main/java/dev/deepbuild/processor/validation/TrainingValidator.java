package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.Loss;
import dev.deepbuild.annotations.OptimizerType;
import dev.deepbuild.processor.model.OptimizerDescription;
import dev.deepbuild.processor.model.TrainingDescription;
import java.util.Optional;

/** Checks {@code @Train} and its {@code @Optimizer}. */
final class TrainingValidator {

  private final ErrorReporter errors;

  TrainingValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  Optional<TrainingDescription> validate(AnnotationSite train) {
    int before = errors.errorCount();
    int epochs = train.intValue("epochs");
    if (epochs <= 0) {
      errors.error(
          train, "epochs",
          "epochs is the number of passes over the training data, so it must be positive.",
          "Set epochs to 1 or more, such as 50.");
    }
    int batchSize = train.intValue("batchSize");
    if (batchSize <= 0) {
      errors.error(
          train, "batchSize",
          "batchSize is the number of samples per gradient update, so it must be positive.",
          "Set batchSize to 1 or more, such as Keras's default, 32.");
    }
    AnnotationSite optimizer = train.annotationValue("optimizer");
    OptimizerType type = optimizer.enumValue("value", OptimizerType.class);
    double learningRate = optimizer.doubleValue("learningRate");
    if (!(learningRate >= 0 && Double.isFinite(learningRate))) {
      errors.error(
          optimizer, "learningRate",
          "learningRate must be positive, or 0 for the optimizer's Keras default.",
          "Set a rate such as " + type.defaultLearningRate() + ", " + type + "'s default.");
    }
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    double effectiveRate = learningRate == 0 ? type.defaultLearningRate() : learningRate;
    return Optional.of(
        new TrainingDescription(
            epochs,
            batchSize,
            new OptimizerDescription(type, effectiveRate),
            train.enumValue("loss", Loss.class)));
  }
}

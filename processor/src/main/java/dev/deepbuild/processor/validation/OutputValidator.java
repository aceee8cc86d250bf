package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.Loss;
import dev.deepbuild.annotations.Task;
import java.util.Optional;

/**
 * Checks the output layer and the declared class count against the loss, which decides what the
 * model predicts. Each check reads only the values it needs, so that it still runs when other
 * parts of the class are wrong.
 */
final class OutputValidator {

  private final ErrorReporter errors;

  OutputValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * @param output the last layer field, if there is one
   * @param loss the loss of {@code @Train}, if present
   * @param data the {@code @CsvData}, if present
   */
  void validate(Optional<LayerField> output, Optional<Loss> loss, Optional<AnnotationSite> data) {
    int classes = data.map(csv -> csv.intValue("classes")).orElse(0);
    // A field with two layer annotations is already an error, whichever comes first.
    if (output.isPresent() && output.get().annotations().size() == 1) {
      AnnotationSite layer = output.get().annotation();
      if (!output.get().isDense()) {
        errors.error(
            layer,
            "the last layer is the output layer, which takes the loss, so it must be @Dense.",
            "Add an output layer after it, such as `" + example(loss, classes) + "`.");
      } else if (loss.isPresent()) {
        checkOutputLayer(layer, loss.get(), classes);
      }
    }
    if (loss.isPresent() && data.isPresent()) {
      checkClasses(data.get(), loss.get(), classes);
    }
  }

  /** An output layer that fits the loss, for messages. */
  static String example(Optional<Loss> loss, int classes) {
    return switch (loss.orElse(Loss.BINARY_CROSSENTROPY)) {
      case BINARY_CROSSENTROPY -> "@Dense(units = 1, activation = SIGMOID) Layer output;";
      case CATEGORICAL_CROSSENTROPY ->
          "@Dense(units = " + (classes >= 2 ? classes : 3)
              + ", activation = SOFTMAX) Layer output;";
      case MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR -> "@Dense(units = 1) Layer output;";
    };
  }

  private void checkOutputLayer(AnnotationSite layer, Loss loss, int classes) {
    int units = layer.intValue("units");
    Activation activation = layer.enumValue("activation", Activation.class);
    // Units below 1 and class counts below 2 are reported where they are declared.
    boolean unitsValid = units > 0;
    boolean classesDeclared = classes >= 2;
    switch (loss) {
      case BINARY_CROSSENTROPY -> {
        if (unitsValid && units != 1) {
          errors.error(
              layer, "units",
              "BINARY_CROSSENTROPY needs 1 output unit: the probability of class 1.",
              "Set units = 1, or for one probability per class use loss ="
                  + " CATEGORICAL_CROSSENTROPY with activation = SOFTMAX.");
        }
        if (activation != Activation.SIGMOID) {
          errors.error(
              layer, "activation",
              "BINARY_CROSSENTROPY needs a SIGMOID output, a probability in (0, 1).",
              "Set activation = SIGMOID.");
        }
      }
      case CATEGORICAL_CROSSENTROPY -> {
        if (unitsValid && units == 1) {
          errors.error(
              layer, "units",
              "CATEGORICAL_CROSSENTROPY needs one output unit per class, so at least 2.",
              "Set units to the number of classes" + (classesDeclared ? ", " + classes : "")
                  + ", or for a single unit use loss = BINARY_CROSSENTROPY with activation ="
                  + " SIGMOID.");
        } else if (unitsValid && classesDeclared && units != classes) {
          errors.error(
              layer, "units",
              "@CsvData declares classes = " + classes + ", and CATEGORICAL_CROSSENTROPY needs"
                  + " one output unit per class.",
              "Set units = " + classes + ".");
        }
        if (activation != Activation.SOFTMAX) {
          errors.error(
              layer, "activation",
              "CATEGORICAL_CROSSENTROPY needs a SOFTMAX output: class probabilities that sum to"
                  + " 1.",
              "Set activation = SOFTMAX.");
        }
      }
      case MEAN_SQUARED_ERROR, MEAN_ABSOLUTE_ERROR -> {
        if (unitsValid && units != 1) {
          errors.error(
              layer, "units",
              loss + " makes a regression model, which predicts the one label column, so it"
                  + " needs 1 output unit.",
              "Set units = 1.");
        }
        if (activation == Activation.SIGMOID || activation == Activation.SOFTMAX) {
          errors.error(
              layer, "activation",
              loss + " makes a regression model, which predicts any number, but " + activation
                  + " squashes the output into (0, 1).",
              "Set activation = LINEAR, the default, or to classify use a crossentropy loss.");
        }
      }
    }
  }

  private void checkClasses(AnnotationSite data, Loss loss, int classes) {
    if (loss.task() == Task.REGRESSION && classes > 0) {
      errors.error(
          data, "classes",
          "classes is the number of classes of a classifier, but loss = " + loss
              + " makes this a regression model.",
          "Remove classes, or use a crossentropy loss to classify.");
    } else if (loss == Loss.BINARY_CROSSENTROPY && classes > 2) {
      errors.error(
          data, "classes",
          "BINARY_CROSSENTROPY separates 2 classes.",
          "Set classes = 2, or for " + classes + " classes use loss = CATEGORICAL_CROSSENTROPY"
              + " with an output layer of " + classes + " SOFTMAX units.");
    }
  }
}

package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.Loss;
import dev.deepbuild.annotations.Task;
import java.util.Optional;

/**
 * Checks the loss against the data (the task a built-in dataset or texts fix, a dataset's classes)
 * and the output layer and the declared class count against the loss, which decides what the
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
   * @param train the {@code @Train}, if present, whose loss decides the task
   * @param data the class's one data annotation, if it has exactly one
   */
  void validate(
      Optional<LayerField> output, Optional<AnnotationSite> train, Optional<DeclaredData> data) {
    Optional<Loss> loss = train.map(site -> site.enumValue("loss", Loss.class));
    int classes = data.map(DeclaredData::classes).orElse(0);
    // When the loss contradicts the data, the loss is what is wrong, not the output layer.
    boolean lossFitsData =
        loss.isEmpty() || data.isEmpty() || checkLossFitsData(train.get(), loss.get(), data.get());
    // A field with two layer annotations is already an error, whichever comes first.
    if (output.isPresent() && output.get().annotations().size() == 1) {
      AnnotationSite layer = output.get().annotation();
      if (!output.get().isDense()) {
        errors.error(
            layer,
            "the last layer is the output layer, which takes the loss, so it must be @Dense.",
            "Add an output layer after it, such as `" + example(loss, classes) + "`.");
      } else if (loss.isPresent() && lossFitsData) {
        if (checkLossFitsLayer(train.get(), loss.get(), layer, data)) {
          // One mistake, one error: the classes' check would repeat it.
          return;
        }
        checkOutputLayer(layer, loss.get(), data);
      }
    }
    if (loss.isPresent() && data.isPresent() && data.get().kind() == DeclaredData.Kind.CSV) {
      checkClasses(data.get().site(), loss.get(), classes);
    }
  }

  /**
   * An output layer that is a whole classifier layer for the other crossentropy (1 SIGMOID unit,
   * or a SOFTMAX unit per class), with no class count that contradicts it, shows that the loss is
   * what is wrong: one error on the loss rather than one per value of the layer, whose fixes would
   * pull apart. Returns whether it reported one.
   */
  private boolean checkLossFitsLayer(
      AnnotationSite train, Loss loss, AnnotationSite layer, Optional<DeclaredData> data) {
    int units = layer.intValue("units");
    Activation activation = layer.enumValue("activation", Activation.class);
    int classes = data.map(DeclaredData::classes).orElse(0);
    String declared = classes > 0 && data.get().kind() == DeclaredData.Kind.CSV
        ? ", as " + data.get().classesStated() : "";
    if (loss == Loss.BINARY_CROSSENTROPY && units >= 2 && activation == Activation.SOFTMAX
        && (classes == 0 || classes == units)) {
      errors.error(
          train, "loss",
          "BINARY_CROSSENTROPY needs an output layer of 1 SIGMOID unit, the probability of class"
              + " 1, but the output layer has " + unitsOf(units, activation) + ", one probability"
              + " per class" + declared + ".",
          "Use loss = CATEGORICAL_CROSSENTROPY, which fits that layer"
              + (units == 2 ? ", or keep this loss with an output layer of 1 SIGMOID unit." : "."));
      return true;
    }
    if (loss == Loss.CATEGORICAL_CROSSENTROPY && units == 1 && activation == Activation.SIGMOID
        && (classes == 0 || classes == 2)) {
      errors.error(
          train, "loss",
          "CATEGORICAL_CROSSENTROPY needs an output layer of one SOFTMAX unit per class, but the"
              + " output layer has 1 SIGMOID unit, the probability of class 1" + declared + ".",
          "Use loss = BINARY_CROSSENTROPY, which fits that layer, or keep this loss with an output"
              + " layer of " + (classes == 2 ? "2" : "one") + " SOFTMAX unit"
              + (classes == 2 ? "s." : " per class."));
      return true;
    }
    return false;
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

  /**
   * The task a built-in dataset or texts fix against the loss's, and a dataset's class count
   * against binary crossentropy. Returns whether the loss fits.
   */
  private boolean checkLossFitsData(AnnotationSite train, Loss loss, DeclaredData data) {
    Optional<Task> task = data.task();
    Optional<BuiltinDataset> dataset = data.dataset();
    if (task.isEmpty()) {
      return true;
    }
    if (task.get() != loss.task()) {
      if (dataset.isPresent() && task.get() == Task.REGRESSION) {
        errors.error(
            train, "loss",
            dataset.get() + " is a regression dataset, which predicts a number, but " + loss
                + " makes a classifier.",
            "Use loss = MEAN_SQUARED_ERROR or MEAN_ABSOLUTE_ERROR.");
      } else if (dataset.isPresent()) {
        errors.error(
            train, "loss",
            dataset.get() + " is a classification dataset of " + data.classCount() + ", but "
                + loss + " makes a regression model.",
            classifierLosses(data.classes()));
      } else {
        errors.error(
            train, "loss",
            "@TextData labels each text with a class, so the model is a classifier, but " + loss
                + " makes a regression model.",
            "Use loss = CATEGORICAL_CROSSENTROPY, or BINARY_CROSSENTROPY for two classes.");
      }
      return false;
    }
    if (loss == Loss.BINARY_CROSSENTROPY && data.classes() > 2) {
      errors.error(
          train, "loss",
          data.classesStated() + ", but BINARY_CROSSENTROPY separates 2 classes.",
          classifierLosses(data.classes()));
      return false;
    }
    return true;
  }

  /** The losses, with their output layers, that classify into the given number of classes. */
  private static String classifierLosses(int classes) {
    String categorical =
        "CATEGORICAL_CROSSENTROPY with an output layer of " + classes + " SOFTMAX units";
    return classes == 2
        ? "Use loss = BINARY_CROSSENTROPY with an output layer of 1 SIGMOID unit, or "
            + categorical + "."
        : "Use loss = " + categorical + ".";
  }

  private void checkOutputLayer(AnnotationSite layer, Loss loss, Optional<DeclaredData> data) {
    int classes = data.map(DeclaredData::classes).orElse(0);
    // Only a declared class count can be stated.
    checkHead(layer, loss, classes, classes >= 2 ? data.get().classesStated() : "");
  }

  /**
   * Checks an output layer against its loss and the number of classes it predicts: a sequential
   * model's last layer, or one {@code @Output} of a functional model.
   *
   * @param classes the classes predicted, 0 when unknown
   * @param classesStated where the classes come from, for messages, such as {@code IMDB has 2
   *     classes}
   */
  void checkHead(AnnotationSite layer, Loss loss, int classes, String classesStated) {
    int units = layer.intValue("units");
    Activation activation = layer.enumValue("activation", Activation.class);
    // Units below 1 and class counts below 2 are reported where they are declared.
    boolean unitsValid = units > 0;
    boolean classesDeclared = classes >= 2;
    switch (loss) {
      case BINARY_CROSSENTROPY -> {
        if (unitsValid && units != 1 && activation != Activation.SIGMOID) {
          // Both wrong is one mistake: a layer meant for another loss, or for another task.
          errors.error(
              layer,
              "BINARY_CROSSENTROPY needs 1 SIGMOID output unit, the probability of class 1, but"
                  + " this layer has " + unitsOf(units, activation) + ".",
              "Set units = 1 and activation = SIGMOID, or for one probability per class use"
                  + " loss = CATEGORICAL_CROSSENTROPY with activation = SOFTMAX.");
        } else if (unitsValid && units != 1) {
          errors.error(
              layer, "units",
              "BINARY_CROSSENTROPY needs 1 output unit: the probability of class 1.",
              "Set units = 1, or for one probability per class use loss ="
                  + " CATEGORICAL_CROSSENTROPY with activation = SOFTMAX.");
        } else if (activation != Activation.SIGMOID) {
          errors.error(
              layer, "activation",
              "BINARY_CROSSENTROPY needs a SIGMOID output, a probability in (0, 1).",
              "Set activation = SIGMOID.");
        }
      }
      case CATEGORICAL_CROSSENTROPY -> {
        // Data of more than 2 classes cannot be classified with one unit at all.
        boolean binaryPossible = classes <= 2;
        String perClass =
            "units to the number of classes" + (classesDeclared ? ", " + classes : "");
        if (unitsValid && units == 1 && activation != Activation.SOFTMAX) {
          // Both wrong is one mistake: a layer meant for another loss, or for another task.
          String softmax = perClass + (classesDeclared ? "," : "") + " and activation = SOFTMAX";
          errors.error(
              layer,
              "CATEGORICAL_CROSSENTROPY needs one SOFTMAX output unit per class, so at least 2,"
                  + " but this layer has " + unitsOf(units, activation) + ".",
              "Set " + softmax + (binaryPossible
                  ? ", or for a single unit use loss = BINARY_CROSSENTROPY with activation ="
                      + " SIGMOID."
                  : "."));
          return;
        }
        if (unitsValid && units == 1) {
          errors.error(
              layer, "units",
              "CATEGORICAL_CROSSENTROPY needs one output unit per class, so at least 2.",
              "Set " + perClass
                  + (binaryPossible
                      ? ", or for a single unit use loss = BINARY_CROSSENTROPY with activation ="
                          + " SIGMOID."
                      : "."));
        } else if (unitsValid && classesDeclared && units != classes) {
          errors.error(
              layer, "units",
              classesStated + ", and CATEGORICAL_CROSSENTROPY needs one output unit"
                  + " per class.",
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

  /** How a message names an output layer: {@code 3 SOFTMAX units}, {@code 1 SIGMOID unit}. */
  private static String unitsOf(int units, Activation activation) {
    return units + " " + activation + (units == 1 ? " unit" : " units");
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

package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.generatedSources;
import static dev.deepbuild.processor.TestSources.iris;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The output layer and the declared classes against the loss. */
class OutputValidationTest {

  private static final String OUTPUT = "@Dense(units = 3, activation = SOFTMAX) Layer output;";

  @Test
  void binaryCrossentropyNeedsOneSigmoidUnit() throws IOException {
    JavaFileObject source =
        iris("classes = 3,", "classes = 2,",
            "CATEGORICAL_CROSSENTROPY)", "BINARY_CROSSENTROPY)",
            OUTPUT, "@Dense(units = 2,\n      activation = SOFTMAX) Layer output;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dense(units = 2) on field 'output': BINARY_CROSSENTROPY needs 1 output unit: the"
                + " probability of class 1. Received: units=2. Set units = 1, or for one"
                + " probability per class use loss = CATEGORICAL_CROSSENTROPY with activation ="
                + " SOFTMAX.")
        .inFile(source)
        .onLineContaining("@Dense(units = 2,");
    assertThat(compilation)
        .hadErrorContaining(
            "@Dense(activation = SOFTMAX) on field 'output': BINARY_CROSSENTROPY needs a SIGMOID"
                + " output, a probability in (0, 1). Received: activation=SOFTMAX. Set activation"
                + " = SIGMOID.")
        .inFile(source)
        .onLineContaining("activation = SOFTMAX) Layer output;");
    assertThat(compilation).hadErrorCount(2);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void defaultedActivationIsReportedOnTheLayerAnnotation() {
    JavaFileObject source =
        iris("classes = 3,", "",
            "CATEGORICAL_CROSSENTROPY)", "BINARY_CROSSENTROPY)",
            OUTPUT, "@Dense(units = 1) Layer output;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("Received: activation=LINEAR. Set activation = SIGMOID.")
        .inFile(source)
        .onLineContaining("@Dense(units = 1) Layer output;");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void binaryCrossentropySeparatesTwoClasses() {
    JavaFileObject source =
        iris("CATEGORICAL_CROSSENTROPY)", "BINARY_CROSSENTROPY)",
            OUTPUT, "@Dense(units = 1, activation = SIGMOID) Layer output;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@CsvData(classes = 3) on class 'IrisClassifier': BINARY_CROSSENTROPY separates 2"
                + " classes. Received: classes=3. Set classes = 2, or for 3 classes use loss ="
                + " CATEGORICAL_CROSSENTROPY with an output layer of 3 SOFTMAX units.")
        .inFile(source)
        .onLineContaining("classes = 3");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void categoricalCrossentropyNeedsAUnitPerClass() {
    JavaFileObject source = iris(OUTPUT, "@Dense(units = 4, activation = SOFTMAX) Layer output;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dense(units = 4) on field 'output': @CsvData declares classes = 3, and"
                + " CATEGORICAL_CROSSENTROPY needs one output unit per class. Received: units=4."
                + " Set units = 3.")
        .inFile(source)
        .onLineContaining("units = 4");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void categoricalCrossentropyNeedsAtLeastTwoSoftmaxUnits() {
    JavaFileObject source = iris(OUTPUT, "@Dense(units = 1, activation = SIGMOID) Layer output;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "CATEGORICAL_CROSSENTROPY needs one output unit per class, so at least 2. Received:"
                + " units=1. Set units to the number of classes, 3, or for a single unit use loss"
                + " = BINARY_CROSSENTROPY with activation = SIGMOID.")
        .inFile(source)
        .onLineContaining("Layer output;");
    assertThat(compilation)
        .hadErrorContaining(
            "CATEGORICAL_CROSSENTROPY needs a SOFTMAX output: class probabilities that sum to 1."
                + " Received: activation=SIGMOID. Set activation = SOFTMAX.")
        .inFile(source)
        .onLineContaining("Layer output;");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void regressionNeedsOneUnboundedUnit() {
    JavaFileObject source =
        iris("classes = 3,", "",
            "CATEGORICAL_CROSSENTROPY)", "MEAN_SQUARED_ERROR)",
            "ACCURACY, min = 0.9", "MAE, max = 0.5",
            OUTPUT, "@Dense(units = 3, activation = SIGMOID) Layer output;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dense(units = 3) on field 'output': MEAN_SQUARED_ERROR makes a regression model,"
                + " which predicts the one label column, so it needs 1 output unit. Received:"
                + " units=3. Set units = 1.")
        .inFile(source)
        .onLineContaining("activation = SIGMOID");
    assertThat(compilation)
        .hadErrorContaining(
            "@Dense(activation = SIGMOID) on field 'output': MEAN_SQUARED_ERROR makes a regression"
                + " model, which predicts any number, but SIGMOID squashes the output into (0, 1)."
                + " Received: activation=SIGMOID. Set activation = LINEAR, the default, or to"
                + " classify use a crossentropy loss.")
        .inFile(source)
        .onLineContaining("activation = SIGMOID");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void regressionHasNoClasses() {
    JavaFileObject source =
        iris("CATEGORICAL_CROSSENTROPY)", "MEAN_ABSOLUTE_ERROR)",
            "ACCURACY, min = 0.9", "MAE, max = 0.5",
            OUTPUT, "@Dense(units = 1) Layer output;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@CsvData(classes = 3) on class 'IrisClassifier': classes is the number of classes of"
                + " a classifier, but loss = MEAN_ABSOLUTE_ERROR makes this a regression model."
                + " Received: classes=3. Remove classes, or use a crossentropy loss to classify.")
        .inFile(source)
        .onLineContaining("classes = 3");
    assertThat(compilation).hadErrorCount(1);
  }
}

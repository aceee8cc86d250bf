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
  void softmaxUnitsPerClassWithBinaryCrossentropyIsOneErrorOnTheLoss() throws IOException {
    JavaFileObject source = iris("CATEGORICAL_CROSSENTROPY)", "BINARY_CROSSENTROPY)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Train(loss = BINARY_CROSSENTROPY) on class 'IrisClassifier': BINARY_CROSSENTROPY"
                + " needs an output layer of 1 SIGMOID unit, the probability of class 1, but the"
                + " output layer has 3 SOFTMAX units, one probability per class, as @CsvData"
                + " declares classes = 3. Received: loss=BINARY_CROSSENTROPY. Use loss ="
                + " CATEGORICAL_CROSSENTROPY, which fits that layer.")
        .inFile(source)
        .onLineContaining("BINARY_CROSSENTROPY)");
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();

    JavaFileObject two =
        iris("classes = 3,", "",
            "CATEGORICAL_CROSSENTROPY)", "BINARY_CROSSENTROPY)",
            OUTPUT, "@Dense(units = 2, activation = SOFTMAX) Layer output;");
    assertThat(compile(two))
        .hadErrorContaining(
            "Use loss = CATEGORICAL_CROSSENTROPY, which fits that layer, or keep this loss with an"
                + " output layer of 1 SIGMOID unit.");
    assertThat(compile(two)).hadErrorCount(1);
  }

  @Test
  void aSigmoidUnitWithCategoricalCrossentropyIsOneErrorOnTheLoss() {
    JavaFileObject source =
        iris("classes = 3,", "",
            OUTPUT, "@Dense(units = 1, activation = SIGMOID) Layer output;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Train(loss = CATEGORICAL_CROSSENTROPY) on class 'IrisClassifier':"
                + " CATEGORICAL_CROSSENTROPY needs an output layer of one SOFTMAX unit per class,"
                + " but the output layer has 1 SIGMOID unit, the probability of class 1. Received:"
                + " loss=CATEGORICAL_CROSSENTROPY. Use loss = BINARY_CROSSENTROPY, which fits that"
                + " layer, or keep this loss with an output layer of one SOFTMAX unit per class.")
        .inFile(source)
        .onLineContaining("CATEGORICAL_CROSSENTROPY)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void binaryCrossentropyWithAnotherLayerIsOneErrorWithOneFix() {
    JavaFileObject source =
        iris("classes = 3,", "",
            "CATEGORICAL_CROSSENTROPY)", "BINARY_CROSSENTROPY)",
            OUTPUT, "@Dense(units = 3, activation = RELU) Layer output;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dense on field 'output': BINARY_CROSSENTROPY needs 1 SIGMOID output unit, the"
                + " probability of class 1, but this layer has 3 RELU units. Set units = 1 and"
                + " activation = SIGMOID, or for one probability per class use loss ="
                + " CATEGORICAL_CROSSENTROPY with activation = SOFTMAX.")
        .inFile(source)
        .onLineContaining("Layer output;");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void binaryCrossentropyNeedsOneUnit() {
    JavaFileObject source =
        iris("classes = 3,", "",
            "CATEGORICAL_CROSSENTROPY)", "BINARY_CROSSENTROPY)",
            OUTPUT, "@Dense(units = 2,\n      activation = SIGMOID) Layer output;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dense(units = 2) on field 'output': BINARY_CROSSENTROPY needs 1 output unit: the"
                + " probability of class 1. Received: units=2. Set units = 1, or for one"
                + " probability per class use loss = CATEGORICAL_CROSSENTROPY with activation ="
                + " SOFTMAX.")
        .inFile(source)
        .onLineContaining("@Dense(units = 2,");
    assertThat(compilation).hadErrorCount(1);
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

    // Three classes declared: the layer is wrong, and one unit cannot hold them.
    assertThat(compilation)
        .hadErrorContaining(
            "@Dense on field 'output': CATEGORICAL_CROSSENTROPY needs one SOFTMAX output unit per"
                + " class, so at least 2, but this layer has 1 SIGMOID unit. Set units to the"
                + " number of classes, 3, and activation = SOFTMAX.")
        .inFile(source)
        .onLineContaining("Layer output;");
    assertThat(compilation).hadErrorCount(1);
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

package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.boston;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.generatedSources;
import static dev.deepbuild.processor.TestSources.imdb;
import static dev.deepbuild.processor.TestSources.iris;
import static dev.deepbuild.processor.TestSources.model;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Dataset}, and the one data annotation a model has, against the loss and output layer. */
class DatasetValidationTest {

  private static final String REUTERS =
      """
      @Model
      @Dataset(REUTERS)
      @TextVectorization
      @Train(epochs = 9,
          loss = CATEGORICAL_CROSSENTROPY)
      class Reuters {
        @Dense(units = 64, activation = RELU) Layer hidden;
        @Dense(units = 46, activation = SOFTMAX) Layer topic;
      }
      """;

  @Test
  void aModelHasOneDataSourceAndTheSecondIsReported() throws IOException {
    JavaFileObject source = iris("@Standardize", "@Dataset(BOSTON_HOUSING)\n@Standardize");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dataset on class 'IrisClassifier': the class already has @CsvData, and a model"
                + " learns from one data source. Keep @CsvData or @Dataset, and remove the other.")
        .inFile(source)
        .onLineContaining("@Dataset(BOSTON_HOUSING)");
    // The checks that relate the data to the loss and layers wait for one data source.
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void regressionDatasetNeedsARegressionLoss() {
    JavaFileObject source = boston("loss = MEAN_SQUARED_ERROR)", "loss = CATEGORICAL_CROSSENTROPY)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Train(loss = CATEGORICAL_CROSSENTROPY) on class 'BostonHousing': BOSTON_HOUSING is a"
                + " regression dataset, which predicts a number, but CATEGORICAL_CROSSENTROPY makes"
                + " a classifier. Received: loss=CATEGORICAL_CROSSENTROPY. Use loss ="
                + " MEAN_SQUARED_ERROR or MEAN_ABSOLUTE_ERROR.")
        .inFile(source)
        .onLineContaining("loss = CATEGORICAL_CROSSENTROPY)");
    // The wrong loss is the problem: the 1-unit output layer and the MAE thresholds fit the data.
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void classificationDatasetNeedsAClassificationLoss() {
    JavaFileObject source = imdb("loss = BINARY_CROSSENTROPY)", "loss = MEAN_SQUARED_ERROR)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Train(loss = MEAN_SQUARED_ERROR) on class 'ImdbClassifier': IMDB is a classification"
                + " dataset of 2 classes, but MEAN_SQUARED_ERROR makes a regression model."
                + " Received: loss=MEAN_SQUARED_ERROR. Use loss = BINARY_CROSSENTROPY with an"
                + " output layer of 1 SIGMOID unit, or CATEGORICAL_CROSSENTROPY with an output"
                + " layer of 2 SOFTMAX units.")
        .inFile(source)
        .onLineContaining("loss = MEAN_SQUARED_ERROR)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void reutersNeedsAnOutputUnitPerTopic() {
    JavaFileObject source =
        model("Reuters", REUTERS.replace("units = 46", "units = 10"));
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dense(units = 10) on field 'topic': REUTERS has 46 topics, and"
                + " CATEGORICAL_CROSSENTROPY needs one output unit per class. Received: units=10."
                + " Set units = 46.")
        .inFile(source)
        .onLineContaining("units = 10");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void reutersCannotBeClassifiedWithOneUnit() {
    JavaFileObject source = model("Reuters", REUTERS.replace("units = 46", "units = 1"));
    Compilation compilation = compile(source);

    // No binary crossentropy alternative: 46 topics do not fit one unit.
    assertThat(compilation)
        .hadErrorContaining(
            "CATEGORICAL_CROSSENTROPY needs one output unit per class, so at least 2. Received:"
                + " units=1. Set units to the number of classes, 46.")
        .inFile(source)
        .onLineContaining("units = 1,");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void reutersIsNotBinary() {
    JavaFileObject source =
        model(
            "Reuters",
            REUTERS.replace("loss = CATEGORICAL_CROSSENTROPY)", "loss = BINARY_CROSSENTROPY)"));
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Train(loss = BINARY_CROSSENTROPY) on class 'Reuters': REUTERS has 46 topics, but"
                + " BINARY_CROSSENTROPY separates 2 classes. Received: loss=BINARY_CROSSENTROPY."
                + " Use loss = CATEGORICAL_CROSSENTROPY with an output layer of 46 SOFTMAX units.")
        .inFile(source)
        .onLineContaining("loss = BINARY_CROSSENTROPY)");
    // The 46 softmax units are right; the loss is not.
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void imdbTakesOneSigmoidUnitOrTwoSoftmaxUnits() {
    JavaFileObject twoSoftmax =
        imdb("loss = BINARY_CROSSENTROPY)", "loss = CATEGORICAL_CROSSENTROPY)",
            "@Dense(units = 1, activation = SIGMOID)", "@Dense(units = 2, activation = SOFTMAX)");
    assertThat(compile(twoSoftmax)).succeededWithoutWarnings();

    JavaFileObject threeSoftmax =
        imdb("loss = BINARY_CROSSENTROPY)", "loss = CATEGORICAL_CROSSENTROPY)",
            "@Dense(units = 1, activation = SIGMOID)", "@Dense(units = 3, activation = SOFTMAX)");
    Compilation compilation = compile(threeSoftmax);
    assertThat(compilation)
        .hadErrorContaining(
            "@Dense(units = 3) on field 'output': IMDB has 2 classes, and CATEGORICAL_CROSSENTROPY"
                + " needs one output unit per class. Received: units=3. Set units = 2.")
        .inFile(threeSoftmax)
        .onLineContaining("units = 3");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void datasetValidationFractionIsBelowOne() {
    JavaFileObject source = imdb("@Dataset(IMDB)", "@Dataset(value = IMDB, validation = 1)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dataset(validation = 1.0) on class 'ImdbClassifier': validation is the fraction of"
                + " IMDB's training split held out to validate during training, in [0, 1), where 0"
                + " means none. Received: validation=1.0. Set a fraction such as 0.2, or 0 for no"
                + " validation.")
        .inFile(source)
        .onLineContaining("validation = 1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void validationThresholdNeedsADatasetValidationFraction() {
    JavaFileObject source = imdb("min = 0.86)", "min = 0.86,\n    on = VALIDATION)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(on = VALIDATION) on class 'ImdbClassifier': the model has no validation"
                + " data, since @Dataset has validation = 0. Received: on=VALIDATION. Measure on"
                + " TEST or TRAIN, or hold out part of the training split, such as @Dataset(value"
                + " = IMDB, validation = 0.2).")
        .inFile(source)
        .onLineContaining("on = VALIDATION");
    assertThat(compilation).hadErrorCount(1);
  }
}

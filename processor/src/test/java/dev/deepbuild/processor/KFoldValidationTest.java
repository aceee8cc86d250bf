package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.boston;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.generatedSources;
import static dev.deepbuild.processor.TestSources.iris;
import static dev.deepbuild.processor.TestSources.model;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @KFold}, the thresholds on its folds, and hold-out validation beside it. */
class KFoldValidationTest {

  @Test
  void kIsAtLeastTwo() {
    JavaFileObject source = boston("@KFold(k = 4)", "@KFold(k = 1)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@KFold(k = 1) on class 'BostonHousing': k is the number of folds, and each fold"
                + " validates a model trained on the others, so it is at least 2. Received: k=1."
                + " Set k to 2 or more, such as 4.")
        .inFile(source)
        .onLineContaining("@KFold(k = 1)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void iterationsAreAtLeastOne() {
    JavaFileObject source = boston("@KFold(k = 4)", "@KFold(k = 4, iterations = 0)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@KFold(iterations = 0) on class 'BostonHousing': iterations is how many times the"
                + " whole k-fold runs, so it is at least 1. Received: iterations=0. Set iterations"
                + " to 1 or more, or remove it for 1.")
        .inFile(source)
        .onLineContaining("iterations = 0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void bestMeanNeedsMoreThanOneEpochToChooseFrom() {
    JavaFileObject source =
        boston("@KFold(k = 4)", "@KFold(k = 4, finalEpochs = FinalEpochs.BEST_MEAN)",
            "epochs = 130", "epochs = 1");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "on class 'BostonHousing': BEST_MEAN trains the final model for the epoch with the"
                + " best mean validation value across the folds, which train for @Train(epochs ="
                + " 1): there is only one epoch to choose.")
        .inFile(source)
        .onLineContaining("finalEpochs = FinalEpochs.BEST_MEAN");
    assertThat(compilation)
        .hadErrorContaining(
            "Give @Train the most epochs worth trying, such as epochs = 100, or remove"
                + " finalEpochs.");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void bestMeanWithEpochsToChooseFromCompiles() {
    Compilation compilation =
        compile(boston("@KFold(k = 4)", "@KFold(k = 4, finalEpochs = FinalEpochs.BEST_MEAN)"));

    assertThat(compilation).succeededWithoutWarnings();
  }

  @Test
  void kFoldTakesNoDatasetValidationFraction() {
    JavaFileObject source =
        boston("@Dataset(BOSTON_HOUSING)", "@Dataset(value = BOSTON_HOUSING, validation = 0.2)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dataset(validation = 0.2) on class 'BostonHousing': @KFold validates on folds of the"
                + " training data, so a hold-out validation fraction would only take data away"
                + " from training. Received: validation=0.2. Set validation = 0, or remove @KFold"
                + " to validate on a hold-out fraction.")
        .inFile(source)
        .onLineContaining("validation = 0.2");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void kFoldTakesNoSplitValidationFraction() {
    JavaFileObject source = iris("@Standardize", "@Standardize\n@KFold");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Split(validation = 0.2) on class 'IrisClassifier': @KFold validates on folds of the"
                + " training data, so a hold-out validation fraction would only take data away"
                + " from training. Received: validation=0.2. Set validation = 0, as in split ="
                + " @Split(test = 0.2, validation = 0), or remove @KFold to validate on a hold-out"
                + " fraction.")
        .inFile(source)
        .onLineContaining("validation = 0.2))");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void kFoldTakesNoDefaultedSplitValidationFraction() {
    JavaFileObject source =
        model(
            "Folds",
            """
            @Model
            @CsvData(resource = "iris.dat", label = 4)
            @KFold
            @Train(epochs = 10, loss = CATEGORICAL_CROSSENTROPY)
            class Folds {
              @Dense(units = 3, activation = SOFTMAX) Layer output;
            }
            """);
    Compilation compilation = compile(source);

    // The default @Split is not in the source, so the error names and marks @CsvData.
    assertThat(compilation)
        .hadErrorContaining(
            "@CsvData on class 'Folds': its split holds out validation = 0.2 by default, but"
                + " @KFold validates on folds of the training data, so a hold-out validation"
                + " fraction would only take data away from training. Set split = @Split(test ="
                + " 0.2, validation = 0), or remove @KFold to validate on a hold-out fraction.")
        .inFile(source)
        .onLineContaining("@CsvData(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void kFoldMeanThresholdNeedsKFold() {
    JavaFileObject source = boston("@KFold(k = 4)\n", "");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(on = KFOLD_MEAN) on class 'BostonHousing': KFOLD_MEAN is the mean of the"
                + " folds' validation metrics under @KFold, and this class has no @KFold. Received:"
                + " on=KFOLD_MEAN. Add @KFold(k = 4), or measure on TEST.")
        .inFile(source)
        .onLineContaining("on = KFOLD_MEAN");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void kFoldWorstThresholdNeedsKFold() {
    JavaFileObject source =
        iris("@Threshold(metric = ACCURACY, min = 0.9)",
            "@Threshold(metric = ACCURACY, min = 0.9, on = KFOLD_WORST)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(on = KFOLD_WORST) on class 'IrisClassifier': KFOLD_WORST is the worst"
                + " fold's validation metric under @KFold, and this class has no @KFold. Received:"
                + " on=KFOLD_WORST. Add @KFold(k = 4), or measure on TEST.")
        .inFile(source)
        .onLineContaining("on = KFOLD_WORST");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void validationThresholdUnderKFoldPointsToTheFolds() {
    JavaFileObject source = boston("max = 3.0, on = KFOLD_MEAN", "max = 3.0, on = VALIDATION");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(on = VALIDATION) on class 'BostonHousing': @KFold validates on folds"
                + " rather than on hold-out validation data, so the model has no VALIDATION"
                + " metrics. Received: on=VALIDATION. Measure on KFOLD_MEAN, the mean of the"
                + " folds, or KFOLD_WORST, the worst fold.")
        .inFile(source)
        .onLineContaining("on = VALIDATION");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void everyNewErrorOfAClassIsReported() throws IOException {
    JavaFileObject source =
        model(
            "Mess",
            """
            @Model(name = "mess")
            @Dataset(value = REUTERS, validation = 0.3)
            @Standardize
            @KFold(k = 1)
            @Train(epochs = 5, loss = CATEGORICAL_CROSSENTROPY)
            @Threshold(metric = ACCURACY, min = 0.7, on = KFOLD_WORST)
            @Threshold(metric = ACCURACY, min = 0.7, on = VALIDATION)
            class Mess {
              @Dense(units = 10, activation = SOFTMAX) Layer output;
            }
            """);
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("REUTERS's texts need turning into numbers for the network")
        .inFile(source)
        .onLineContaining("class Mess {");
    assertThat(compilation)
        .hadErrorContaining("@Standardize on class 'Mess': REUTERS's texts become multi-hot")
        .inFile(source)
        .onLineContaining("@Standardize");
    assertThat(compilation)
        .hadErrorContaining("@KFold(k = 1) on class 'Mess': k is the number of folds")
        .inFile(source)
        .onLineContaining("@KFold(k = 1)");
    assertThat(compilation)
        .hadErrorContaining("@Dataset(validation = 0.3) on class 'Mess': @KFold validates on folds")
        .inFile(source)
        .onLineContaining("validation = 0.3");
    assertThat(compilation)
        .hadErrorContaining("@Dense(units = 10) on field 'output': REUTERS has 46 topics")
        .inFile(source)
        .onLineContaining("units = 10");
    assertThat(compilation)
        .hadErrorContaining("@Threshold(on = VALIDATION) on class 'Mess': @KFold validates on folds")
        .inFile(source)
        .onLineContaining("on = VALIDATION");
    assertThat(compilation).hadErrorCount(6);
    assertThat(generatedSources(source)).isEmpty();
  }
}

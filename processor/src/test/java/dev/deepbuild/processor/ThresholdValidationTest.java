package dev.deepbuild.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.iris;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Threshold}: a bound that exists, can be met, and fits the model. */
class ThresholdValidationTest {

  private static final String THRESHOLD = "@Threshold(metric = ACCURACY, min = 0.9)";

  @Test
  void thresholdSetsABound() {
    JavaFileObject source = iris(THRESHOLD, "@Threshold(metric = F1)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold on class 'IrisClassifier': it sets no bound: min, max, beatBaselineBy and"
                + " maxRegression are all unset. Give min, max, beatBaselineBy or maxRegression,"
                + " such as @Threshold(metric = F1, min = 0.9).")
        .inFile(source)
        .onLineContaining("@Threshold(metric = F1)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void minIsAtMostMax() {
    JavaFileObject source = iris(THRESHOLD, "@Threshold(metric = ACCURACY, min = 0.9, max = 0.8)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(min = 0.9) on class 'IrisClassifier': min is above max = 0.8, so no value"
                + " can pass. Received: min=0.9. Set min at most max, or swap them.")
        .inFile(source)
        .onLineContaining("max = 0.8");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void boundAboveTheMetricsRangeCanNeverBeMet() {
    JavaFileObject source = iris(THRESHOLD, "@Threshold(metric = ACCURACY, min = 1.2)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(min = 1.2) on class 'IrisClassifier': accuracy is at most 1, so this"
                + " threshold can never be met. Received: min=1.2. Set min to 1 or less: accuracy"
                + " is a fraction, and 0.9 is 90%.")
        .inFile(source)
        .onLineContaining("min = 1.2");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void boundBelowTheMetricsRangeCanNeverBeMet() {
    JavaFileObject source = iris(THRESHOLD, "@Threshold(metric = LOSS, max = -1)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(max = -1.0) on class 'IrisClassifier': loss is at least 0, so this"
                + " threshold can never be met. Received: max=-1.0. Set max to 0 or more.")
        .inFile(source)
        .onLineContaining("max = -1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void infiniteBoundIsAnErrorEvenOnAnUnboundedMetric() {
    JavaFileObject source =
        iris(THRESHOLD, "@Threshold(metric = LOSS, min = Double.POSITIVE_INFINITY)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(min = Infinity) on class 'IrisClassifier': min is infinite, so every value"
                + " meets it or none does. Received: min=Infinity. Set min to a finite number,"
                + " such as 0.9, or remove it.")
        .inFile(source)
        .onLineContaining("min = Double.POSITIVE_INFINITY");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void boundThatIsAlwaysMetIsAWarning() {
    JavaFileObject source = iris(THRESHOLD, "@Threshold(metric = ACCURACY, min = 0.9, max = 1.5)");
    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "@Threshold(max = 1.5) on class 'IrisClassifier': accuracy is at most 1, so this"
                + " maximum is always met. Received: max=1.5. Lower max below 1, or remove it.")
        .inFile(source)
        .onLineContaining("max = 1.5");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void metricMustApplyToTheModelsTask() {
    JavaFileObject source = iris(THRESHOLD, "@Threshold(metric = MAE, max = 0.1)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(metric = MAE) on class 'IrisClassifier': mae does not apply to a"
                + " classifier, and loss = CATEGORICAL_CROSSENTROPY makes this model one."
                + " Received: metric=MAE. Use a metric that does: LOSS, ACCURACY, PRECISION,"
                + " RECALL or F1.")
        .inFile(source)
        .onLineContaining("metric = MAE");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void validationThresholdNeedsValidationData() {
    JavaFileObject source =
        iris("validation = 0.2", "validation = 0",
            THRESHOLD, "@Threshold(metric = ACCURACY, min = 0.9, on = VALIDATION)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(on = VALIDATION) on class 'IrisClassifier': the model has no validation"
                + " data, since @CsvData's split has validation = 0. Received: on=VALIDATION."
                + " Measure on TEST or TRAIN, or hold out validation rows, such as split ="
                + " @Split(validation = 0.2).")
        .inFile(source)
        .onLineContaining("on = VALIDATION");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void validationThresholdIsMetByAValidationTableOfTheModelsOwn() {
    JavaFileObject source =
        iris("split = @Split(test = 0.2, validation = 0.2))",
            "split = @Split(test = 0.2), validationResource = \"iris-validation.dat\")",
            THRESHOLD, "@Threshold(metric = ACCURACY, min = 0.9, on = VALIDATION)");

    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  void errorsOnRepeatedThresholdsPointAtTheirOwnLines() {
    // javac hands repeated annotations to processors inside a container that is not in the source.
    JavaFileObject source =
        iris(THRESHOLD,
            THRESHOLD + "\n"
                + "@Threshold(metric = RECALL,\n"
                + "    min = 2)\n"
                + "@Threshold(metric = R2, min = 0.5)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("recall is at most 1, so this threshold can never be met.")
        .inFile(source)
        .onLineContaining("min = 2)");
    assertThat(compilation)
        .hadErrorContaining("r2 does not apply to a classifier")
        .inFile(source)
        .onLineContaining("metric = R2");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void errorsInAnExplicitContainerPointAtTheirThreshold() {
    JavaFileObject source =
        iris(THRESHOLD,
            "@Thresholds({\n    @Threshold(metric = ACCURACY, min = 0.9),\n"
                + "    @Threshold(metric = F1, min = 0.8, max = 0.7)})");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("min is above max = 0.7")
        .inFile(source)
        .onLineContaining("metric = F1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void baselineMarginAloneIsABound() {
    JavaFileObject source = iris(THRESHOLD, "@Threshold(metric = ACCURACY, beatBaselineBy = 0.3)");

    assertThat(compile(source)).succeededWithoutWarnings();
  }

  @Test
  void baselineMarginIsPositive() {
    JavaFileObject source =
        iris(THRESHOLD, "@Threshold(metric = ACCURACY, min = 0.9, beatBaselineBy = -0.1)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(beatBaselineBy = -0.1) on class 'IrisClassifier': beatBaselineBy is how"
                + " much better than the common-sense baseline accuracy must be, in its own units,"
                + " so it is positive and finite. Received: beatBaselineBy=-0.1. Set a margin such"
                + " as 0.1, for accuracy at least 0.1 above the baseline's, or remove it.")
        .inFile(source)
        .onLineContaining("beatBaselineBy = -0.1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void lossHasNoBaselineToBeat() {
    JavaFileObject source = iris(THRESHOLD, "@Threshold(metric = LOSS, beatBaselineBy = 0.2)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(beatBaselineBy = 0.2) on class 'IrisClassifier': no baseline loss is"
                + " computed, so the loss has no baseline to beat. Received: beatBaselineBy=0.2."
                + " Use a metric such as ACCURACY, or bound the loss with max.")
        .inFile(source)
        .onLineContaining("beatBaselineBy = 0.2");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void kFoldSplitsHaveNoBaselineToBeat() {
    JavaFileObject source =
        TestSources.boston("max = 3.0, on = KFOLD_MEAN", "beatBaselineBy = 2.0, on = KFOLD_MEAN");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(beatBaselineBy = 2.0) on class 'BostonHousing': no baseline is measured on"
                + " the k-fold folds, so KFOLD_MEAN has no baseline to beat. Received:"
                + " beatBaselineBy=2.0. Measure on TEST, VALIDATION or TRAIN, or bound KFOLD_MEAN"
                + " with min or max.")
        .inFile(source)
        .onLineContaining("beatBaselineBy = 2.0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void baselineMarginBeyondTheMetricsRangeCanNeverBeMet() {
    JavaFileObject source = iris(THRESHOLD, "@Threshold(metric = F1, beatBaselineBy = 1.5)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(beatBaselineBy = 1.5) on class 'IrisClassifier': f1 is between 0 and 1, so"
                + " no model beats the baseline by more than 1. Received: beatBaselineBy=1.5. Set a"
                + " margin below 1, such as 0.1, for f1 at least 0.1 above the baseline's: f1 is a"
                + " fraction, and 0.1 is 10 points.")
        .inFile(source)
        .onLineContaining("beatBaselineBy = 1.5");
    assertThat(compilation).hadErrorCount(1);
  }
}

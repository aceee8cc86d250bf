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
            "@Threshold on class 'IrisClassifier': it sets no bound: min and max are both unset."
                + " Set min, max or both, such as @Threshold(metric = F1, min = 0.9).")
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
}

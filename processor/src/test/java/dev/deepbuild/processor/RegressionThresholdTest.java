package dev.deepbuild.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.GeneratedCodeTest.generatedSource;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.iris;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * {@code @Threshold(maxRegression = ...)}: a bound of its own, zero or more and finite, checked by
 * the rule pom rules follow too ({@code BoundProblem}), and generated as a named call.
 */
class RegressionThresholdTest {

  private static final String THRESHOLD = "@Threshold(metric = ACCURACY, min = 0.9)";

  @Test
  void aToleranceAloneIsABoundAndIsGeneratedWithWhatItMeans() throws IOException {
    JavaFileObject source = iris(THRESHOLD, "@Threshold(metric = ACCURACY, maxRegression = 0.01)\n"
        + "@Threshold(metric = LOSS, max = 0.5, maxRegression = 0, on = TRAIN)");
    Compilation compilation = compile(source);

    assertThat(compilation).succeededWithoutWarnings();
    String generated = generatedSource(compilation, "com.example.DeepBuild_IrisClassifier");
    assertTrue(generated.contains(
        "// accuracy at most 0.01 below the accepted value (mvn dl:accept)\n"
            + "        .threshold(ThresholdSpec.maxRegression(Metric.ACCURACY, 0.01))\n"),
        generated);
    assertTrue(generated.contains(
        "// loss at most 0.0 above the accepted value (mvn dl:accept)\n"
            + "        .threshold(ThresholdSpec.max(Metric.LOSS, 0.5).maxRegression(0.0)"
            + ".on(DataSplit.TRAIN))\n"),
        generated);
  }

  @Test
  void aNegativeToleranceIsAnErrorOnTheMember() {
    JavaFileObject source =
        iris(THRESHOLD, "@Threshold(metric = ACCURACY, min = 0.8, maxRegression = -0.01)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Threshold(maxRegression = -0.01) on class 'IrisClassifier': maxRegression is how"
                + " much worse than its accepted value (mvn dl:accept) accuracy may be, in its own"
                + " units, so it is zero or more and finite. Received: maxRegression=-0.01. Set a"
                + " tolerance such as 0.01, for accuracy at most 0.01 below the accepted value, 0"
                + " for no regression at all, or remove it.")
        .inFile(source)
        .onLineContaining("maxRegression = -0.01");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void anInfiniteToleranceIsAnError() {
    JavaFileObject source = iris(THRESHOLD,
        "@Threshold(metric = LOSS, maxRegression = Double.POSITIVE_INFINITY)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("maxRegression is how much worse than its accepted value (mvn"
            + " dl:accept) loss may be, in its own units, so it is zero or more and finite.")
        .inFile(source)
        .onLineContaining("maxRegression = Double.POSITIVE_INFINITY");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aToleranceOfTheWholeRangeIsAlwaysMetAndAWarning() {
    JavaFileObject source =
        iris(THRESHOLD, "@Threshold(metric = F1, min = 0.5, maxRegression = 1)");
    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "@Threshold(maxRegression = 1.0) on class 'IrisClassifier': f1 is between 0 and 1,"
                + " so it never falls more than 1 from its accepted value, and this maxRegression"
                + " is always met. Received: maxRegression=1.0. Set a tolerance below 1, such as"
                + " 0.01, for f1 at most 0.01 below the accepted value, or remove it.")
        .inFile(source)
        .onLineContaining("maxRegression = 1");
    assertThat(compilation).hadWarningCount(1);
  }
}

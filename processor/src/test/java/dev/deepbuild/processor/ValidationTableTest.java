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

/** {@code @CsvData(validationFile | validationResource)}: a validation table of its own. */
class ValidationTableTest {
  private static final String SPLIT = "split = @Split(test = 0.2, validation = 0.2))";

  @Test
  void aValidationTableReplacesHeldOutRowsAndFeedsEarlyStopping() throws IOException {
    Compilation compilation = compile(iris(SPLIT,
        "split = @Split(test = 0.2), validationFile = \"data/iris-validation.csv\")",
        "@Standardize", "@Standardize\n@EarlyStopping(patience = 5)"));

    assertThat(compilation).succeededWithoutWarnings();
    String spec = generatedSource(compilation, "com.example.DeepBuild_IrisClassifier");
    assertTrue(spec.contains(".testFraction(0.2)\n"
        + "        .validationData(CsvSource.file(\"data/iris-validation.csv\").labelIndex(4))\n"), spec);
  }

  @Test
  void aDefaultedSplitLeavesNoValidationRowsBesideTheTable() throws IOException {
    Compilation compilation = compile(iris(SPLIT, "validationResource = \"iris-validation.dat\")"));

    assertThat(compilation).succeededWithoutWarnings();
    String spec = generatedSource(compilation, "com.example.DeepBuild_IrisClassifier");
    assertTrue(spec.contains(".testFraction(0.2)\n        .validationData(CsvSource.resource("
        + "\"iris-validation.dat\").labelIndex(4))\n"), spec);
  }

  @Test
  void aWrittenValidationFractionBesideTheTableIsAnError() {
    JavaFileObject source = iris(SPLIT,
        "split = @Split(test = 0.2, validation = 0.2), validationFile = \"val.csv\")");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("the model validates on its own table (validationFile), so no rows"
            + " are held out for validation.")
        .inFile(source)
        .onLineContaining("validation = 0.2");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aFileAndAResourceAreAnError() {
    JavaFileObject source = iris(SPLIT,
        "split = @Split(test = 0.2), validationFile = \"a.csv\", validationResource = \"b.csv\")");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("validationFile = \"a.csv\" and validationResource are both set, but"
            + " the validation data comes from one place. Received: validationResource=\"b.csv\"."
            + " Remove validationFile or validationResource.");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void kFoldWithAValidationTableIsAnError() {
    JavaFileObject source = iris(SPLIT,
        "split = @Split(test = 0.2, validation = 0), validationFile = \"val.csv\")",
        "@Standardize", "@Standardize\n@KFold(k = 3)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("@KFold validates on folds of the training data, so a validation table"
            + " of its own would go unused.");
    assertThat(compilation).hadErrorCount(1);
  }
}

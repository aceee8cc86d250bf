package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.boston;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.mnistConvnet;
import static dev.deepbuild.processor.TestSources.tickets;

import com.google.testing.compile.Compilation;
import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.model.ModelSpec;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Dataset(classes, trainingSamples)}: some of a built-in dataset's classes and samples. */
class DatasetSubsetTest {

  /** MNIST's digits 5 to 9 with a five-unit output layer, and {@code subset} on the annotation. */
  private static JavaFileObject digits(String subset, int units) {
    return mnistConvnet("@Dataset(MNIST)", "@Dataset(value = MNIST, " + subset + ")",
        "@Dense(units = 10, activation = SOFTMAX) Layer output;",
        "@Dense(units = " + units + ", activation = SOFTMAX) Layer output;");
  }

  private static void assertError(JavaFileObject source, String message) {
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(message);
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void theSpecKeepsTheClassesInTheirOrderAndTheSampleWithNamedCalls() throws Exception {
    Compilation compilation =
        compile(digits("classes = {9, 5, 6, 7, 8}, trainingSamples = 500", 5));
    assertThat(compilation).succeededWithoutWarnings();
    String source = GeneratedCodeTest.generatedSource(compilation,
        "com.example.DeepBuild_MnistConvnet");
    assertThat(source).contains(
        ".data(BuiltinSource.of(BuiltinDataset.MNIST).classes(9, 5, 6, 7, 8).trainingSamples(500))");
    ModelSpec spec = GeneratedModelTest.load(compilation, "com.example.DeepBuild_MnistConvnet")
        .spec();
    assertThat(spec.data()).isEqualTo(
        BuiltinSource.of(BuiltinDataset.MNIST).classes(9, 5, 6, 7, 8).trainingSamples(500));
    assertThat(spec.classes()).isEqualTo(5);
  }

  @Test
  void aLongSubsetIsBrokenBeforeItsCallsWithin100Columns() throws Exception {
    String source = GeneratedCodeTest.generatedSource(compile(
        digits("classes = {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}, trainingSamples = 50000", 10)),
        "com.example.DeepBuild_MnistConvnet");
    assertThat(source).contains("""
                .data(BuiltinSource.of(BuiltinDataset.MNIST).classes(9, 8, 7, 6, 5, 4, 3, 2, 1, 0)
                    .trainingSamples(50000))
        """);
    for (String line : source.split("\n")) {
      assertThat(line.length()).isAtMost(100);
    }
  }

  @Test
  void theWholeDatasetIsWrittenAsBefore() throws Exception {
    String source = GeneratedCodeTest.generatedSource(compile(mnistConvnet()),
        "com.example.DeepBuild_MnistConvnet");
    assertThat(source).contains(".data(BuiltinSource.of(BuiltinDataset.MNIST))");
  }

  @Test
  void theOutputLayerHasAUnitPerKeptClass() {
    JavaFileObject source = digits("classes = {5, 6, 7, 8, 9}", 10);
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("@Dataset keeps 5 of MNIST's 10 classes");
    assertThat(compilation).hadErrorContaining("units = 5");
  }

  @Test
  void aClassOutsideTheDatasetIsNamedWithTheRange() {
    JavaFileObject source = digits("classes = {5, 10, -1}", 3);
    assertError(source, "classes lists 10, -1, but MNIST's class indices are 0 to 9.");
    assertThat(compile(source)).hadErrorContaining("Keep only indices from 0 to 9");
    assertThat(compile(source)).hadErrorContaining("@Dataset");
  }

  @Test
  void aRepeatedClassIsNamed() {
    assertError(digits("classes = {5, 6, 5}", 3),
        "classes lists 5 more than once, but each kept class is one label. Received:");
  }

  @Test
  void oneClassIsTooFew() {
    assertThat(compile(digits("classes = {5}", 2))).hadErrorContaining(
        "classes keeps one class, and a classifier tells at least 2 apart.");
  }

  @Test
  void aNegativeSampleCountIsRejected() {
    assertError(digits("trainingSamples = -1", 10),
        "trainingSamples is the number of training samples kept, so it cannot be negative.");
  }

  @Test
  void fewerSamplesThanClassesLeaveAClassWithout() {
    assertError(digits("classes = {5, 6, 7}, trainingSamples = 2", 3),
        "trainingSamples = 2 is fewer than the 3 classes kept, so some class would have no"
            + " training sample. Received: trainingSamples=2. Set trainingSamples to at least 3");
    assertError(digits("trainingSamples = 9", 10), "fewer than the 10 classes kept");
  }

  @Test
  void aRegressionDatasetHasNoClassesToKeep() {
    assertError(boston("@Dataset(BOSTON_HOUSING)",
            "@Dataset(value = BOSTON_HOUSING, trainingSamples = 100)"),
        "BOSTON_HOUSING is a regression dataset, which has no classes to keep or sample by.");
  }

  @Test
  void aFunctionalModelKeepsTheWholeDataset() {
    assertError(tickets("@Dataset(REUTERS)", "@Dataset(value = REUTERS, classes = {3, 4})"),
        "a functional model's @Outputs each predict a field of REUTERS with classes of its own,"
            + " so @Dataset keeps all of its samples.");
  }
}

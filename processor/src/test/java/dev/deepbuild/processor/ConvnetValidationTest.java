package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.generatedSources;
import static dev.deepbuild.processor.TestSources.iris;
import static dev.deepbuild.processor.TestSources.mnistConvnet;
import static dev.deepbuild.processor.TestSources.tickets;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The convnet layers at compile time: each mistake is one error on the annotation value at
 * fault, naming the shapes and the fix, and nothing is generated.
 */
class ConvnetValidationTest {

  @Test
  void theBooksMnistConvnetCompiles() throws IOException {
    JavaFileObject source = mnistConvnet();

    assertThat(compile(source)).succeededWithoutWarnings();
    assertThat(generatedSources(source)).containsExactly("com/example/DeepBuild_MnistConvnet.java",
        "com/example/MnistConvnetPredictor.java");
  }

  @Test
  void denseAfterAnImageNeedsFlattenOrGlobalPooling() throws IOException {
    JavaFileObject source = mnistConvnet(
        "@Conv2D(filters = 64, kernel = 3, activation = RELU) Layer conv2;",
        "@Dense(units = 64, activation = RELU) Layer hidden;");

    assertOneError(source, "@Dense on field 'hidden': 'hidden' cannot take its input: Dense takes"
        + " a vector but gets (None, 13, 13, 32). Add @Flatten or @GlobalAveragePooling2D before"
        + " it.", "Layer hidden;");
  }

  @Test
  void aKernelLargerThanItsInputIsReportedOnTheKernel() throws IOException {
    JavaFileObject source = mnistConvnet(
        "@Conv2D(filters = 128, kernel = 3, activation = RELU)",
        "@Conv2D(filters = 128, kernel = 7, activation = RELU)");

    assertOneError(source, "@Conv2D(kernel = 7) on field 'conv3': 'conv3' cannot take its input:"
        + " Conv2D's (7, 7) window is larger than its input (None, 5, 5, 64), so padding = VALID"
        + " leaves nothing. Received: kernel=7. Take a window of at most (5, 5), padding = SAME,"
        + " or fewer downsampling layers before it.", "kernel = 7");
  }

  @Test
  void aPoolingThatLeavesNothingIsReportedOnItsWindow() throws IOException {
    JavaFileObject source = mnistConvnet("@Flatten Layer flat;",
        "@MaxPooling2D({2, 4}) Layer pool3; @Flatten Layer flat;");

    assertOneError(source, "@MaxPooling2D({2, 4}) on field 'pool3': 'pool3' cannot take its"
        + " input: MaxPooling2D's (2, 4) window is larger than its input (None, 3, 3, 128), so"
        + " padding = VALID leaves nothing. Received: {2, 4}. Take a window of at most (3, 3),"
        + " padding = SAME, or fewer downsampling layers before it.", "@MaxPooling2D({2, 4})");
  }

  @Test
  void convolutionTakesAnImageNotAVector() throws IOException {
    JavaFileObject source = iris("@Dense(units = 16, activation = RELU) Layer hidden;",
        "@Conv2D(filters = 16) Layer hidden;");

    assertOneError(source, "@Conv2D on field 'hidden': 'hidden' cannot take its input: Conv2D"
        + " takes an image (None, height, width, channels) but gets (None, inputs). Give it image"
        + " data (such as @Dataset(MNIST)), or move it before the @Flatten or global pooling that"
        + " made the vector.", "@Conv2D(filters = 16)");
  }

  @Test
  void poolingAfterFlattenTakesAVector() throws IOException {
    JavaFileObject source = mnistConvnet("@Flatten Layer flat;",
        "@Flatten Layer flat; @AveragePooling2D Layer pool3;");

    assertOneError(source, "@AveragePooling2D on field 'pool3': 'pool3' cannot take its input:"
        + " AveragePooling2D takes an image (None, height, width, channels) but gets (None,"
        + " 1152).", "@AveragePooling2D Layer pool3");
  }

  @Test
  void filtersArePositive() throws IOException {
    JavaFileObject source = mnistConvnet("filters = 32", "filters = 0");

    assertOneError(source, "@Conv2D(filters = 0) on field 'conv1': filters is the number of the"
        + " output's channels, so it is positive. Received: filters=0. Set the number of"
        + " filters, such as 32.", "filters = 0");
  }

  @Test
  void kernelIsOneOrTwoPositiveValues() throws IOException {
    JavaFileObject zero = mnistConvnet("filters = 32, kernel = 3", "filters = 32, kernel = {3, 0}");
    assertOneError(zero, "@Conv2D(kernel = {3, 0}) on field 'conv1': kernel is the kernel's size"
        + " in pixels, so each value is positive. Received: kernel={3, 0}. Set kernel = {3} for"
        + " 3x3.",
        "kernel = {3, 0}");

    JavaFileObject three =
        mnistConvnet("filters = 32, kernel = 3", "filters = 32, kernel = {3, 3, 3}");
    assertOneError(three, "kernel is the kernel's size: one value for a square, or {height,"
        + " width}, and it has 3.", "kernel = {3, 3, 3}");
  }

  @Test
  void stridesArePositive() throws IOException {
    JavaFileObject conv = mnistConvnet("filters = 32, kernel = 3", "filters = 32, kernel = 3,"
        + " strides = -1");
    assertOneError(conv, "strides is the step between positions in pixels, so each value is"
        + " positive.", "strides = -1");

    JavaFileObject pooling = mnistConvnet("@MaxPooling2D(2) Layer pool1",
        "@MaxPooling2D(value = 2, strides = 0) Layer pool1");
    assertOneError(pooling, "strides is the step between windows in pixels, so each value is"
        + " positive.", "strides = 0");
  }

  @Test
  void poolSizeIsPositive() throws IOException {
    JavaFileObject source = mnistConvnet("@MaxPooling2D(2) Layer pool1", "@MaxPooling2D(0) Layer"
        + " pool1");

    assertOneError(source, "@MaxPooling2D(0) on field 'pool1': value is the window's size in"
        + " pixels, so each value is positive. Received: 0. Set value = {2} to halve the image.",
        "@MaxPooling2D(0)");
  }

  @Test
  void batchNormalizationMomentumAndEpsilonAreInRange() throws IOException {
    JavaFileObject momentum = mnistConvnet("@Flatten Layer flat;",
        "@BatchNormalization(momentum = 1.0) Layer norm; @Flatten Layer flat;");
    assertOneError(momentum, "@BatchNormalization(momentum = 1.0) on field 'norm': momentum is"
        + " the fraction of the moving mean and variance each batch keeps, so it is in [0, 1)."
        + " Received: momentum=1.0. Set a momentum such as 0.99, Keras's default, or remove it.",
        "momentum = 1.0");

    JavaFileObject epsilon = mnistConvnet("@Flatten Layer flat;",
        "@BatchNormalization(epsilon = 0) Layer norm; @Flatten Layer flat;");
    assertOneError(epsilon, "@BatchNormalization(epsilon = 0.0) on field 'norm': epsilon is added"
        + " to the variance before dividing by its root, so it is a positive, finite number."
        + " Received: epsilon=0.0. Set a small epsilon such as 0.001, Keras's default, or remove"
        + " it.", "epsilon = 0");
  }

  @Test
  void dropoutAndBatchNormalizationTakeAnyImageOrVector() throws IOException {
    JavaFileObject source = mnistConvnet("@Flatten Layer flat;",
        "@Dropout(0.25) Layer drop1; @BatchNormalization Layer norm1; @Flatten Layer flat;"
            + " @BatchNormalization Layer norm2; @Dropout(0.5) Layer drop2;");

    assertThat(compile(source)).succeededWithoutWarnings();
  }

  /** In a functional model the shape error points at what the layer takes. */
  @Test
  void aFunctionalConvolutionOnATextVectorIsReportedOnFrom() throws IOException {
    JavaFileObject source = tickets("@Dense(units = 64, activation = RELU) Layer hidden;",
        "@Conv2D(filters = 8, from = \"features\") Layer image; @Flatten Layer flat;"
            + " @Dense(units = 64, activation = RELU) Layer hidden;");

    assertThat(compile(source)).hadErrorContaining("@Conv2D(from = \"features\") on field"
        + " 'image': 'image' cannot take \"features\": Conv2D takes an image (None, height,"
        + " width, channels) but gets (None, 12000). Received: from=\"features\". Give it image"
        + " data (such as @Dataset(MNIST)), or move it before the @Flatten or global pooling"
        + " that made the vector.");
    assertThat(generatedSources(source)).isEmpty();
  }

  private static void assertOneError(JavaFileObject source, String message, String line)
      throws IOException {
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();
  }
}

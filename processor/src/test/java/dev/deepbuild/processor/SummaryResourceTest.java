package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.iris;

import com.google.testing.compile.Compilation;
import dev.deepbuild.processor.writer.SummaryWriter;
import dev.deepbuild.resources.ModelResources;
import dev.deepbuild.runtime.inspect.ModelSummary;
import dev.deepbuild.runtime.inspect.SummaryTable;
import dev.deepbuild.runtime.model.ModelDefinition;
import java.io.IOException;
import java.util.List;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/** {@code META-INF/deepbuild/<model>/summary.txt}, the summary known at compile time. */
class SummaryResourceTest {

  @Test
  void knownInputWidthGivesTheTableOfDlSummary() throws Exception {
    Compilation compilation = compile(TestSources.boston());

    assertThat(compilation).succeededWithoutWarnings();
    String summary = summary(compilation, "boston");
    assertThat(summary).isEqualTo(String.join("\n",
        "Model: \"boston\" (dev.deepbuild.samples.boston.BostonHousing)",
        "_".repeat(65),
        " Layer (type)                Output Shape              Param #",
        "=".repeat(65),
        " first (DenseLayer)          (None, 64)                896",
        " second (DenseLayer)         (None, 64)                4160",
        " output (OutputLayer)        (None, 1)                 65",
        "=".repeat(65),
        "Total params: 5,121",
        "Trainable params: 5,121",
        "Non-trainable params: 0",
        "_".repeat(65)) + "\n");
  }

  /** The runtime's dl:summary of the generated network, built by DL4J, prints the same lines. */
  @Test
  void compileTimeSummaryIsTheRuntimesOfTheBuiltNetwork() throws Exception {
    for (String[] model : new String[][] {
        {"boston", "dev.deepbuild.samples.boston.DeepBuild_BostonHousing", "13"},
        {"imdb", "dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier", "10000"}}) {
      Compilation compilation =
          compile(model[0].equals("boston") ? TestSources.boston() : TestSources.imdb());
      ModelDefinition definition = GeneratedModelTest.load(compilation, model[1]);
      int inputs = Integer.parseInt(model[2]);
      List<String> runtime = SummaryTable.lines(ModelSummary.of(definition.spec().name(),
          definition.spec().declaringClass(),
          definition.network(inputs).create(definition.spec().seed()), inputs));

      assertThat(summary(compilation, model[0])).isEqualTo(String.join("\n", runtime) + "\n");
    }
  }

  /** The book's chapter 8 convnet, with Keras's shapes and its 104,202 parameters. */
  @Test
  void booksMnistConvnetShowsImagesChannelsLastAndKerasParameterCount() throws Exception {
    Compilation compilation = compile(TestSources.mnistConvnet());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(summary(compilation, "mnist")).isEqualTo(String.join("\n",
        "Model: \"mnist\" (com.example.MnistConvnet)",
        "_".repeat(65),
        " Layer (type)                Output Shape              Param #",
        "=".repeat(65),
        " conv1 (ConvolutionLayer)    (None, 26, 26, 32)        320",
        " pool1 (SubsamplingLayer)    (None, 13, 13, 32)        0",
        " conv2 (ConvolutionLayer)    (None, 11, 11, 64)        18496",
        " pool2 (SubsamplingLayer)    (None, 5, 5, 64)          0",
        " conv3 (ConvolutionLayer)    (None, 3, 3, 128)         73856",
        " flat (Flatten)              (None, 1152)              0",
        " output (OutputLayer)        (None, 10)                11530",
        "=".repeat(65),
        "Total params: 104,202",
        "Trainable params: 104,202",
        "Non-trainable params: 0",
        "_".repeat(65)) + "\n");
  }

  /**
   * DL4J's own summary of the generated convnet has the same rows, but for the flatten, which is
   * no layer in DL4J, and the same totals; batch normalization's moving statistics are
   * non-trainable in both.
   */
  @Test
  void convnetSummaryIsTheRuntimesOfTheBuiltNetworkButForTheFlatten() throws Exception {
    Compilation compilation = compile(TestSources.mnistConvnet("@Flatten Layer flat;",
        "@BatchNormalization Layer norm; @Flatten Layer flat;"));
    ModelDefinition definition =
        GeneratedModelTest.load(compilation, "com.example.DeepBuild_MnistConvnet");
    List<String> runtime = SummaryTable.lines(ModelSummary.of(definition.spec().name(),
        definition.spec().declaringClass(),
        definition.network(784).create(definition.spec().seed()), 784));

    List<String> compileTime = summary(compilation, "mnist").lines()
        .filter(line -> !line.startsWith(" flat (Flatten)")).toList();
    assertThat(compileTime).isEqualTo(runtime);
    assertThat(runtime).contains(" norm (BatchNormalization)   (None, 3, 3, 128)         512");
    assertThat(runtime).containsAtLeast("Total params: 104,714", "Trainable params: 104,458",
        "Non-trainable params: 256");
  }

  @Test
  void inputWidthFromTheDataIsSaid() throws Exception {
    Compilation compilation = compile(iris());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(summary(compilation, "iris")).isEqualTo(
        "Model: \"iris\" (com.example.IrisClassifier)\n"
            + "The input width comes from the data: the CSV table's feature count, found when the"
            + " table is read.\n"
            + "`mvn dl:summary` reads the table and prints this model's layers, shapes and"
            + " parameters.\n");
  }

  /** A model on another model names it, so that dl:summary prints it after its base. */
  @Test
  void aModelOnAnotherModelNamesItsBase() throws Exception {
    Compilation compilation =
        compile(PretrainedValidationTest.transfer(), PretrainedValidationTest.base());

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(resource(compilation, ModelResources.baseModel("high"))).isEqualTo("digits\n");
    assertThat(resource(compilation, ModelResources.baseModel("digits"))).isEmpty();
  }

  static String summary(Compilation compilation, String model) throws IOException {
    return resource(compilation, SummaryWriter.path(model));
  }

  private static String resource(Compilation compilation, String path) throws IOException {
    return compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .orElseThrow()
        .getCharContent(false)
        .toString();
  }
}

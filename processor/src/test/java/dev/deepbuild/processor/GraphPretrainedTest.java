package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.model;

import com.google.testing.compile.Compilation;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSelection;
import dev.deepbuild.runtime.session.TrainingSession;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A functional model on a pretrained base, Keras's {@code features = base(inputs)}: the generated
 * head graph, where the base may stand, and a build that trains the base, then the graph on it.
 */
class GraphPretrainedTest {

  /** A small convnet on the digits 0, 1 and 2, whose features the graph reuses. */
  static final String BASE = """
      @Model(name = "digits-low", seed = 42)
      @Dataset(value = MNIST, classes = {0, 1, 2}, trainingSamples = 600)
      @Rescaling(1 / 255.0)
      @Train(epochs = 1, batchSize = 32, optimizer = @Optimizer(ADAM),
          loss = CATEGORICAL_CROSSENTROPY)
      public class DigitsLow {
        @Conv2D(filters = 4, kernel = 3, activation = RELU) Layer conv;
        @MaxPooling2D(2) Layer pool;
        @Flatten Layer flat;
        @Dense(units = 3, activation = SOFTMAX) Layer out;
      }
      """;

  /** The digits 3, 5 and 8 from the base's features and a dense view of the same images. */
  static final String GRAPH = """
      @Model(name = "digits-high", seed = 42)
      @Dataset(value = MNIST, classes = {3, 5, 8}, trainingSamples = 600)
      @Rescaling(1 / 255.0)
      @Train(epochs = 2, batchSize = 32, optimizer = @Optimizer(ADAM),
          loss = CATEGORICAL_CROSSENTROPY)
      public class DigitsHigh {
        @Input(field = "image") Layer digits;
        @Input(field = "image") Layer pixels;
        @Pretrained(model = DigitsLow.class, from = "digits") Layer features;
        @Flatten(from = "pixels") Layer flatPixels;
        @Dense(units = 16, activation = RELU) Layer dense;
        @Concatenate(from = {"features", "dense"}) Layer joined;
        @Dense(units = 3, activation = SOFTMAX) @Output(field = "label") Layer digit;
      }
      """;

  private static JavaFileObject graph(String... replacements) {
    return model("DigitsHigh", TestSources.replace(GRAPH, replacements));
  }

  private static Compilation compileBoth(JavaFileObject graph) {
    return compile(graph, model("DigitsLow", BASE));
  }

  private static String generated(Compilation compilation) throws Exception {
    assertThat(compilation).succeeded();
    return compilation.generatedSourceFile("com.example.DeepBuild_DigitsHigh").orElseThrow()
        .getCharContent(false).toString();
  }

  @Test
  void theHeadGraphTakesTheBasesOutputInPlaceOfItsInput() throws Exception {
    String source = generated(compileBoth(graph()));

    assertThat(source).contains(".addInputs(\"features\", \"pixels\")");
    assertThat(source).contains("// features is (None, 676): Pretrained(model 'digits-low') on"
        + " digits, frozen");
    assertThat(source).contains(".setInputTypes(InputType.feedForward(676),"
        + " InputType.convolutional(28, 28, 1))");
    assertThat(source).contains("return NetworkConfiguration.on(PretrainedBase.model("
        + "\"digits-low\"), \"features\", conf);");
    assertThat(source).contains("return Optional.of(\"digits-low\");");
  }

  @Test
  void fineTuningNamesItsLayersAndRate() throws Exception {
    String source = generated(compileBoth(graph("from = \"digits\")",
        "from = \"digits\", trainable = 2, fineTuneLearningRate = 1e-3)")));

    assertThat(source).contains("\"features\", conf)\n"
        + "        // the base's top 2 layers train with the head\n"
        + "        .trainable(2)\n"
        + "        .fineTuneLearningRate(0.001);");
  }

  @Test
  void theSummaryShowsTheBaseAsALayerOfTheGraph() throws Exception {
    Compilation compilation = compileBoth(graph());
    assertThat(compilation).succeeded();

    // The frozen base's parameters, its convolution's, count as non-trainable, as Keras's.
    assertThat(SummaryResourceTest.summary(compilation, "digits-high")).contains(
        " features (Pretrained(model 'digits-low'))  (None, 676)               40\n"
            + " flatPixels (PreprocessorVertex)            (None, 784)               0\n");
    assertThat(SummaryResourceTest.summary(compilation, "digits-high"))
        .contains("Non-trainable params: 40\n");
  }

  @Test
  void aBuildTrainsTheBaseThenTheGraphOnIt(@TempDir Path project) throws Exception {
    Compilation compilation = compileBoth(graph());
    ModelDefinition high = GeneratedModelTest.load(compilation, "com.example.DeepBuild_DigitsHigh");
    ModelDefinition low = GeneratedModelTest.load(compilation, "com.example.DeepBuild_DigitsLow");
    TrainingSession session = new TrainingSession(project, project.resolve("target/deepbuild"),
        getClass().getClassLoader(), line -> {});

    SessionResult result = session.train(ModelSelection.select(
        new TreeMap<>(Map.of("digits-high", high, "digits-low", low)), List.of()), false);

    List<ModelOutcome> outcomes = result.models();
    assertThat(outcomes.stream().map(ModelOutcome::model).toList())
        .containsExactly("digits-low", "digits-high").inOrder();
    assertThat(outcomes.get(1).failed()).isFalse();
    // Three classes: chance is a third.
    assertThat(outcomes.get(1).report().metric("digit", DataSplit.TEST, Metric.ACCURACY)
        .orElseThrow()).isGreaterThan(0.8);
  }

  @Test
  void aBaseTakesTheFirstInput() {
    JavaFileObject source = graph("from = \"digits\")", "from = \"pixels\")",
        "@Flatten(from = \"pixels\")", "@Flatten(from = \"digits\")");

    assertThat(compileBoth(source)).hadErrorContaining("a pretrained base takes the model's first"
        + " @Input, as Keras's base(inputs), and 'features' takes 'pixels'.")
        .inFile(source).onLineContaining("@Pretrained");
  }

  @Test
  void nothingElseTakesTheBasesInput() {
    JavaFileObject source = graph("@Flatten(from = \"pixels\")", "@Flatten(from = \"digits\")",
        "@Input(field = \"image\") Layer pixels;", "");

    assertThat(compileBoth(source)).hadErrorContaining("'digits' is the input of the pretrained"
        + " base 'features', whose input becomes the network's, so nothing else takes it.")
        .inFile(source).onLineContaining("@Flatten");
  }

  @Test
  void aGraphHasOneBase() {
    JavaFileObject source = graph("@Flatten(from = \"pixels\") Layer flatPixels;",
        "@Pretrained(model = DigitsLow.class, from = \"pixels\") Layer flatPixels;");

    assertThat(compileBoth(source)).hadErrorContaining("a functional model builds on one"
        + " pretrained base, and 'features' is one already.").inFile(source)
        .onLineContaining("Layer flatPixels;");
  }

  @Test
  void aCatalogBaseTakesRgbImages() {
    JavaFileObject source = graph("model = DigitsLow.class", "catalog = PretrainedModel.MOBILENET_V2");

    assertThat(compileBoth(source)).hadErrorContaining("'features' cannot take \"digits\" of"
        + " shape (None, 28, 28, 1): MOBILENET_V2 takes RGB images of at least");
  }
}

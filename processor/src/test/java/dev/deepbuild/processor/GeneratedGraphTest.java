package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.tickets;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.runtime.inspect.ModelSummary;
import dev.deepbuild.runtime.inspect.SummaryTable;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.model.Vectorization;
import dev.deepbuild.runtime.network.MultiHotConcat;
import dev.deepbuild.runtime.network.MultiHotDense;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.NetworkOutput;
import dev.deepbuild.runtime.network.WeightedLoss;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;

/** The generated definition of a functional model: the graph and spec a person would write. */
class GeneratedGraphTest {

  private static ModelDefinition ticketsDefinition() throws Exception {
    return GeneratedModelTest.load(compile(tickets()), "com.example.DeepBuild_Tickets");
  }

  @Test
  void theGeneratedGraphIsTheHandWrittenOne() throws Exception {
    ComputationGraphConfiguration handWritten = new NeuralNetConfiguration.Builder()
        .seed(42L)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new RmsProp(0.001, 0.9, 1e-7))
        .graphBuilder()
        .addInputs("title", "body")
        .setInputTypes(InputType.feedForward(2000), InputType.feedForward(10000))
        .addVertex("features", new MultiHotConcat(2000, 10000), "title", "body")
        .addLayer("hidden", new MultiHotDense.Builder().nOut(64).activation(Activation.RELU)
            .build(), "features")
        .addLayer("shared", new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build(),
            "hidden")
        .addLayer("topic", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(46).activation(Activation.SOFTMAX).build(), "shared")
        .addLayer("usa", new OutputLayer.Builder(WeightedLoss.of(new LossBinaryXENT(), 0.3))
            .nOut(1).activation(Activation.SIGMOID).build(), "shared")
        .setOutputs("topic", "usa")
        .build();

    NetworkConfiguration generated = ticketsDefinition().network(0);

    assertThat(generated.toJson()).isEqualTo(handWritten.toJson());
    // The concatenated multi-hot texts reach the dense layer as their words' indices.
    assertThat(generated.takesTokenIndices(0)).isTrue();
    assertThat(generated.takesTokenIndices(1)).isTrue();
    List<NetworkOutput> outputs = generated.outputs();
    assertThat(outputs.stream().map(NetworkOutput::name).toList()).containsExactly("topic", "usa")
        .inOrder();
    assertThat(outputs.get(1).weight()).isEqualTo(0.3);
    assertThat(outputs.get(1).loss()).isInstanceOf(LossBinaryXENT.class);
  }

  @Test
  void theSpecNamesTheInputsOutputsAndPerOutputThresholds() throws Exception {
    ModelSpec spec = ticketsDefinition().spec();

    assertThat(spec.functional()).isTrue();
    assertThat(spec.inputs()).containsExactly(
        InputSpec.named("title").vectorize(Vectorization.multiHot(2000)),
        InputSpec.named("body").vectorize(Vectorization.multiHot(10000))).inOrder();
    assertThat(spec.outputs()).containsExactly(
        OutputSpec.named("topic").classification(46),
        OutputSpec.named("usa").classification(2)).inOrder();
    assertThat(spec.task()).isEqualTo(Task.CLASSIFICATION);
    assertThat(spec.classes()).isEqualTo(46);
    assertThat(spec.vectorization()).isNull();
    assertThat(spec.thresholds()).containsExactly(
        ThresholdSpec.min(Metric.ACCURACY, 0.5).onOutput("topic"),
        ThresholdSpec.min(Metric.ACCURACY, 0.7).onOutput("usa")).inOrder();
    assertThat(spec.thresholds().get(0).on()).isEqualTo(DataSplit.TEST);
  }

  @Test
  void anInputReadingAnotherFieldNamesIt() throws Exception {
    ModelDefinition definition = GeneratedModelTest.load(
        compile(tickets("@Input(field = \"title\") @TextVectorization(maxTokens = 2000) Layer title;",
            "@Input(field = \"text\") @TextVectorization(maxTokens = 2000) Layer title;")),
        "com.example.DeepBuild_Tickets");

    assertThat(definition.spec().inputs().get(0))
        .isEqualTo(InputSpec.named("title").field("text").vectorize(Vectorization.multiHot(2000)));
  }

  @Test
  void compileTimeSummaryIsTheRuntimesOfTheBuiltGraph() throws Exception {
    var compilation = compile(tickets());
    ModelDefinition definition = GeneratedModelTest.load(compilation, "com.example.DeepBuild_Tickets");
    List<String> runtime = SummaryTable.lines(ModelSummary.of(definition.spec().name(),
        definition.spec().declaringClass(), definition.network(0).create(42), List.of(2000, 10000)));

    assertThat(SummaryResourceTest.summary(compilation, "tickets"))
        .isEqualTo(String.join("\n", runtime) + "\n");
    // As Keras's summary of a functional model: the inputs, the merge, then the layers.
    assertThat(runtime.subList(4, 11)).containsExactly(
        " title (InputLayer)          (None, 2000)              0",
        " body (InputLayer)           (None, 10000)             0",
        " features (MultiHotConcat)   (None, 12000)             0",
        " hidden (MultiHotDense)      (None, 64)                768064",
        " shared (DenseLayer)         (None, 64)                4160",
        " topic (OutputLayer)         (None, 46)                2990",
        " usa (OutputLayer)           (None, 1)                 65").inOrder();
  }

  @Test
  void denseLayersOnMultiHotInputsTakeTheirWordIndices() throws Exception {
    var compilation = compile(tickets("@Concatenate(from = {\"title\", \"body\"}) Layer features;",
        "@Dense(units = 32, activation = RELU, from = \"title\") Layer titleWords;\n"
            + "  @Dense(units = 32, activation = RELU, from = \"body\") Layer bodyWords;\n"
            + "  @Concatenate(from = {\"titleWords\", \"bodyWords\"}) Layer features;"));
    ModelDefinition definition = GeneratedModelTest.load(compilation, "com.example.DeepBuild_Tickets");
    NetworkConfiguration conf = definition.network(0);
    List<String> runtime = SummaryTable.lines(ModelSummary.of(definition.spec().name(),
        definition.spec().declaringClass(), conf.create(42), List.of(2000, 10000)));

    assertThat(conf.takesTokenIndices(0)).isTrue();
    assertThat(conf.takesTokenIndices(1)).isTrue();
    String source = GeneratedCodeTest.generatedSource(compilation, "com.example.DeepBuild_Tickets");
    assertThat(source).contains(".addLayer(\"titleWords\", new MultiHotDense.Builder()\n");
    assertThat(source).contains(".addLayer(\"hidden\", new DenseLayer.Builder()\n");
    assertThat(SummaryResourceTest.summary(compilation, "tickets"))
        .isEqualTo(String.join("\n", runtime) + "\n");
    assertThat(runtime.subList(6, 9)).containsExactly(
        " titleWords (MultiHotDense)  (None, 32)                64032",
        " bodyWords (MultiHotDense)   (None, 32)                320032",
        " features (MergeVertex)      (None, 64)                0").inOrder();
  }

  @Test
  void aConcatenationWhoseInputAnotherLayerAlsoTakesStaysAMergeOfMultiHotRows() throws Exception {
    // The title also feeds the usa output directly, which takes its 0/1 rows.
    var compilation = compile(tickets(
        "@Dense(units = 1, activation = SIGMOID, from = \"shared\")",
        "@Dense(units = 1, activation = SIGMOID, from = \"title\")"));
    NetworkConfiguration conf = GeneratedModelTest.load(compilation, "com.example.DeepBuild_Tickets")
        .network(0);

    assertThat(conf.takesTokenIndices(0)).isFalse();
    assertThat(conf.takesTokenIndices(1)).isFalse();
    String source = GeneratedCodeTest.generatedSource(compilation, "com.example.DeepBuild_Tickets");
    assertThat(source).contains(".addVertex(\"features\", new MergeVertex(), \"title\", \"body\")");
    assertThat(source).contains(".addLayer(\"hidden\", new DenseLayer.Builder()\n");
  }

  @Test
  void anInputAMergeAlsoTakesStaysMultiHotRows() throws Exception {
    var compilation = compile(tickets("@Concatenate(from = {\"title\", \"body\"}) Layer features;",
        "@Dense(units = 32, activation = RELU, from = \"title\") Layer titleWords;\n"
            + "  @Concatenate(from = {\"titleWords\", \"title\", \"body\"}) Layer features;"));
    NetworkConfiguration conf = GeneratedModelTest.load(compilation, "com.example.DeepBuild_Tickets")
        .network(0);

    assertThat(conf.takesTokenIndices(0)).isFalse();
    assertThat(GeneratedCodeTest.generatedSource(compilation, "com.example.DeepBuild_Tickets"))
        .contains(".addLayer(\"titleWords\", new DenseLayer.Builder()\n");
  }

  /**
   * A batch normalization in a graph: DL4J's layer with Keras's momentum and epsilon, and both
   * summaries count its moving statistics as non-trainable.
   */
  @Test
  void batchNormalizationInAGraphIsDl4jsWithKerasDefaults() throws Exception {
    var compilation = compile(tickets(
        "@Dense(units = 64, activation = RELU) Layer shared;",
        "@BatchNormalization(momentum = 0.9) Layer norm;"
            + " @Dense(units = 64, activation = RELU) Layer shared;"));
    ModelDefinition definition =
        GeneratedModelTest.load(compilation, "com.example.DeepBuild_Tickets");
    List<String> runtime = SummaryTable.lines(ModelSummary.of(definition.spec().name(),
        definition.spec().declaringClass(), definition.network(0).create(42),
        List.of(2000, 10000)));

    assertThat(SummaryResourceTest.summary(compilation, "tickets"))
        .isEqualTo(String.join("\n", runtime) + "\n");
    assertThat(runtime).contains(" norm (BatchNormalization)   (None, 64)                256");
    assertThat(runtime).contains("Non-trainable params: 128");
    assertThat(definition.network(0).toJson()).contains("\"decay\" : 0.9");
  }
}

package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.digitsGraph;

import com.google.testing.compile.Compilation;
import dev.deepbuild.runtime.inspect.ModelSummary;
import dev.deepbuild.runtime.inspect.SummaryTable;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import java.util.List;
import javax.tools.JavaFileObject;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** A functional model's image inputs: their shapes, the graph and spec written, and errors. */
class GraphImageTest {

  private static ModelDefinition digits(Compilation compilation) throws Exception {
    return GeneratedModelTest.load(compilation, "com.example.DeepBuild_DigitsGraph");
  }

  @Test
  void anImageInputIsAConvolutionalInputOfTheGraph() throws Exception {
    ComputationGraphConfiguration handWritten = new NeuralNetConfiguration.Builder()
        .seed(42L)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new RmsProp(0.001, 0.9, 1e-7))
        .graphBuilder()
        .addInputs("digits")
        .setInputTypes(InputType.convolutionalFlat(28, 28, 1))
        .addLayer("narrow", new ConvolutionLayer.Builder(3, 3).nOut(8)
            .activation(Activation.RELU).convolutionMode(ConvolutionMode.Same).build(), "digits")
        .addLayer("wide", new ConvolutionLayer.Builder(5, 5).nOut(8)
            .activation(Activation.RELU).convolutionMode(ConvolutionMode.Same).build(), "digits")
        .addVertex("both", new MergeVertex(), "narrow", "wide")
        .addLayer("pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2)
            .stride(2, 2).convolutionMode(ConvolutionMode.Truncate).build(), "both")
        .addVertex("flat", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(14, 14, 16)),
            "pool")
        .addLayer("digit", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
            .activation(Activation.SOFTMAX).build(), "flat")
        .setOutputs("digit")
        .build();

    NetworkConfiguration generated = digits(compile(digitsGraph())).network(0);

    assertThat(generated.toJson()).isEqualTo(handWritten.toJson());
    ComputationGraph graph = new ComputationGraph(handWritten);
    graph.init();
    INDArray images = Nd4j.rand(new int[] {2, 1, 28, 28});
    // NCHW batches and rows of 784 values in NCHW order are the same images.
    assertThat(graph.outputSingle(images.reshape('c', 2, 784)))
        .isEqualTo(graph.outputSingle(images));
  }

  @Test
  void theSpecReadsTheImagesAndPredictsTheLabels() throws Exception {
    ModelSpec spec = digits(compile(digitsGraph())).spec();

    assertThat(spec.functional()).isTrue();
    assertThat(spec.inputs()).containsExactly(InputSpec.named("digits").field("image"));
    assertThat(spec.outputs()).containsExactly(
        OutputSpec.named("digit").field("label").classification(10));
    assertThat(spec.rescaling().scale()).isEqualTo(1 / 255.0);
  }

  @Test
  void compileTimeSummaryIsTheRuntimesWithKerasParameterCounts() throws Exception {
    Compilation compilation = compile(digitsGraph());
    ModelDefinition definition = digits(compilation);
    List<String> runtime = SummaryTable.lines(ModelSummary.of(definition.spec().name(),
        definition.spec().declaringClass(), definition.network(0).create(42), List.of(784)));

    assertThat(SummaryResourceTest.summary(compilation, "digits-graph"))
        .isEqualTo(String.join("\n", runtime) + "\n");
    assertThat(runtime).containsAtLeast(
        " digits (InputLayer)         (None, 28, 28, 1)         0",
        " narrow (ConvolutionLayer)   (None, 28, 28, 8)         80",
        " wide (ConvolutionLayer)     (None, 28, 28, 8)         208",
        " both (MergeVertex)          (None, 28, 28, 16)        0",
        " pool (SubsamplingLayer)     (None, 14, 14, 16)        0",
        " flat (PreprocessorVertex)   (None, 3136)              0",
        " digit (OutputLayer)         (None, 10)                31370",
        "Total params: 31,658").inOrder();
  }

  @Test
  void aMergeTakesLayersOfAnImageInput() {
    JavaFileObject source = digitsGraph("@Concatenate(from = {\"narrow\", \"wide\"})",
        "@Concatenate(from = {\"digits\", \"narrow\", \"wide\"})");

    assertThat(compile(source)).hadErrorContaining("'both' takes the image input 'digits' as it"
        + " is, and a merge joins what layers give.").inFile(source)
        .onLineContaining("@Concatenate");
  }

  @Test
  void resizingSetsTheInputsShape() throws Exception {
    Compilation compilation = compile(digitsGraph("@Rescaling(1 / 255.0)",
        "@Rescaling(1 / 255.0) @Resizing(height = 14, width = 14)"));

    assertThat(SummaryResourceTest.summary(compilation, "digits-graph"))
        .contains(" digits (InputLayer)         (None, 14, 14, 1)         0");
    assertThat(digits(compilation).network(0).toJson()).contains("\"inputHeight\" : 14");
  }

  @Test
  void aSubsetOfAnImageDatasetKeepsItsClassesForTheLabel() throws Exception {
    ModelSpec spec = digits(compile(digitsGraph("@Dataset(MNIST)",
        "@Dataset(value = MNIST, classes = {3, 8}, trainingSamples = 500)",
        "units = 10", "units = 2"))).spec();

    assertThat(spec.outputs()).containsExactly(
        OutputSpec.named("digit").field("label").classification(2));
  }

  @Test
  void aSubsetsOutputOfTheWholeDatasetsClassesSaysWhatTheSubsetKeeps() {
    JavaFileObject source = digitsGraph("@Dataset(MNIST)",
        "@Dataset(value = MNIST, classes = {3, 8})");
    assertThat(compile(source)).hadErrorContaining("@Dataset keeps 2 of MNIST's 10 classes");
  }

  @Test
  void imagesOfAFolderAreAnInputToo() throws Exception {
    // The folders' classes are found when the images are read, so the spec states none.
    JavaFileObject source = digitsGraph("@Dataset(MNIST)",
        "@ImageData(directory = \"data/digits\", height = 32, width = 32, channels = 1)",
        "units = 10", "units = 3");
    Compilation compilation = compile(source);

    assertThat(SummaryResourceTest.summary(compilation, "digits-graph"))
        .contains(" digits (InputLayer)         (None, 32, 32, 1)         0");
    assertThat(digits(compilation).spec().outputs()).containsExactly(
        OutputSpec.named("digit").field("label").classification(0));
  }

  @Test
  void anImageInputFeedingADenseLayerAsksForAFlatten() {
    JavaFileObject source = digitsGraph(
        "@Dense(units = 10, activation = SOFTMAX) @Output(field = \"label\") Layer digit;",
        "@Dense(from = \"digits\", units = 10, activation = SOFTMAX) @Output(field = \"label\")"
            + " Layer digit;",
        "@Concatenate(from = {\"narrow\", \"wide\"}) Layer both;", "",
        "@MaxPooling2D(2) Layer pool;", "", "@Flatten Layer flat;", "");
    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("'digit' cannot take \"digits\": Dense takes a"
        + " vector but gets (None, 28, 28, 1).").inFile(source).onLineContaining("Layer digit;");
    assertThat(compilation).hadErrorContaining("Add @Flatten or @GlobalAveragePooling2D before"
        + " it.");
  }

  @Test
  void aConvolutionOfAVectorInputAsksForImages() {
    JavaFileObject source = TestSources.source("com.example.Measures", """
        package com.example;

        import static dev.deepbuild.annotations.Activation.*;
        import static dev.deepbuild.annotations.Loss.*;
        import dev.deepbuild.annotations.*;

        @Model
        @ProvidedData(com.example.Measures.class)
        @Train(epochs = 2, loss = CATEGORICAL_CROSSENTROPY)
        public class Measures {
          @Input(width = 4) Layer measures;
          @Conv2D(filters = 8, kernel = 3) Layer conv;
          @Flatten Layer flat;
          @Dense(units = 3, activation = SOFTMAX) @Output Layer kind;
        }
        """);
    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("'conv' cannot take \"measures\": Conv2D takes an"
        + " image (None, height, width, channels) but gets (None, 4).")
        .inFile(source).onLineContaining("@Conv2D");
  }

  @Test
  void concatenatingImagesOfDifferentSizesNamesBothShapes() {
    JavaFileObject source = digitsGraph("padding = SAME) Layer wide;",
        "padding = VALID) Layer wide;");
    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("'both' cannot take \"narrow\", \"wide\" of shape"
        + " (None, 28, 28, 8), (None, 24, 24, 8): Concatenate joins images of one height and"
        + " width along their channels").inFile(source).onLineContaining("@Concatenate");
  }

  @Test
  void anImageInputReadsTheImageField() {
    JavaFileObject source = digitsGraph("@Input(field = \"image\")", "@Input(field = \"images\")");
    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("MNIST has no image field 'images': its images are"
        + " the field 'image'.").inFile(source).onLineContaining("@Input");
    assertThat(compilation).hadErrorContaining("Set `@Input(field = \"image\") Layer digits;`."
        + " Did you mean image?");
  }

  @Test
  void anOutputOfImagesPredictsTheLabelField() {
    JavaFileObject source = digitsGraph("@Output(field = \"label\")", "@Output");
    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("MNIST has no label field 'digit': its images'"
        + " classes are the field 'label'.").inFile(source).onLineContaining("@Output");
  }

  @Test
  void anImageInputHasNoWidth() {
    JavaFileObject source = digitsGraph("@Input(field = \"image\")",
        "@Input(field = \"image\", width = 784)");

    assertThat(compile(source)).hadErrorContaining("columns and width are for tables and"
        + " provided arrays, and MNIST's inputs read its images").inFile(source)
        .onLineContaining("@Input");
  }

  @Test
  void rescalingAFunctionalModelWithoutImagesIsAnError() {
    JavaFileObject source = TestSources.tickets("@Model", "@Rescaling(1 / 255.0) @Model");

    assertThat(compile(source)).hadErrorContaining("@Rescaling scales image pixels, and this"
        + " model reads @Dataset, which is not images.").inFile(source)
        .onLineContaining("@Rescaling");
  }
}

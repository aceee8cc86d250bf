package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;

import com.google.testing.compile.Compilation;
import dev.deepbuild.runtime.model.ModelDefinition;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.regularization.L2Regularization;

/**
 * The convnet layers' generated code, built by real DL4J: each network takes a random NCHW batch
 * of the data's shape and gives the output the processor inferred, with its parameter count.
 */
class GeneratedConvnetTest {

  @Test
  void booksMnistConvnetHasKerasParameterCount() throws Exception {
    Compilation compilation = compile(TestSources.mnistConvnet());
    assertThat(compilation).succeededWithoutWarnings();
    MultiLayerNetwork net = network(compilation, "com.example.DeepBuild_MnistConvnet", 784);

    assertThat(net.numParams()).isEqualTo(104_202);
    INDArray images = Nd4j.rand(new int[] {2, 1, 28, 28});
    INDArray output = net.output(images);
    assertThat(output.shape()).asList().containsExactly(2L, 10L).inOrder();
    // Rows of 784 values in NCHW order are the same images.
    assertThat(net.output(images.reshape('c', 2, 784))).isEqualTo(output);
  }

  /** The code a person would write, within 100 columns, each conversion said in a comment. */
  @Test
  void generatedConvnetReadsAsHandWritten() throws Exception {
    String source = GeneratedCodeTest.generatedSource(compile(TestSources.mnistConvnet()),
        "com.example.DeepBuild_MnistConvnet");

    assertThat(source).contains("        // inputs is 784: MNIST's 28 x 28 images of 1 channel\n"
        + "        // DL4J takes them as NCHW, [batch, 1, 28, 28], or as rows of 784 values in"
        + " that order\n");
    assertThat(source).contains("""
                // DL4J infers each layer's nIn from it
                .setInputType(InputType.convolutionalFlat(28, 28, 1))
                .layer(new ConvolutionLayer.Builder(3, 3).name("conv1")
                    .nOut(32).activation(Activation.RELU)
                    .convolutionMode(ConvolutionMode.Truncate)  // Keras's padding="valid"
                    .build())
                .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool1")
                    .kernelSize(2, 2).stride(2, 2)
                    .convolutionMode(ConvolutionMode.Truncate)  // Keras's padding="valid"
                    .build())
        """);
    assertThat(source).contains("""
                // flat: Keras's Flatten of the (None, 3, 3, 128) image; DL4J adds its
                // CnnToFeedForwardPreProcessor before the dense layer that takes it
                .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output")
        """);
    for (String line : source.split("\n")) {
      assertThat(line.length()).isAtMost(100);
    }
  }

  @Test
  void convolutionAndPoolingTakeTheAnnotationsValues() throws Exception {
    MultiLayerConfiguration conf = network(compile(TestSources.mnistConvnet(
            "@Conv2D(filters = 32, kernel = 3, activation = RELU)",
            "@Conv2D(filters = 32, kernel = {5, 3}, strides = {1, 2}, padding = SAME,"
                + " activation = RELU, l2 = 0.002)",
            "@MaxPooling2D(2) Layer pool1", "@AveragePooling2D(value = 3, strides = {2, 1},"
                + " padding = SAME) Layer pool1")),
        "com.example.DeepBuild_MnistConvnet", 784).getLayerWiseConfigurations();

    ConvolutionLayer conv = (ConvolutionLayer) conf.getConf(0).getLayer();
    assertThat(conv.getLayerName()).isEqualTo("conv1");
    assertThat(conv.getKernelSize()).asList().containsExactly(5, 3).inOrder();
    assertThat(conv.getStride()).asList().containsExactly(1, 2).inOrder();
    assertThat(conv.getConvolutionMode()).isEqualTo(ConvolutionMode.Same);
    assertThat(conv.getNIn()).isEqualTo(1);
    assertThat(conv.getNOut()).isEqualTo(32);
    // Keras's l2(0.002) is DL4J's 0.004, on the kernel only, as on a dense layer.
    assertThat(conv.getRegularization()).containsExactly(new L2Regularization(0.004));
    assertThat(conv.getRegularizationBias()).isEmpty();
    SubsamplingLayer pool = (SubsamplingLayer) conf.getConf(1).getLayer();
    assertThat(pool.getPoolingType()).isEqualTo(PoolingType.AVG);
    assertThat(pool.getKernelSize()).asList().containsExactly(3, 3).inOrder();
    assertThat(pool.getStride()).asList().containsExactly(2, 1).inOrder();
    assertThat(pool.isAvgPoolIncludePadInDivisor()).isFalse();
    ConvolutionLayer conv2 = (ConvolutionLayer) conf.getConf(2).getLayer();
    assertThat(conv2.getConvolutionMode()).isEqualTo(ConvolutionMode.Truncate);
  }

  @Test
  void catsConvnetEndsWithFlattenDropoutAndOneSigmoidUnit() throws Exception {
    Compilation compilation = compile(TestSources.catsConvnet());
    assertThat(compilation).succeededWithoutWarnings();
    MultiLayerNetwork net = network(compilation, "com.example.DeepBuild_CatsConvnet", 3072);

    // As Keras counts: 896 + 18,496 + 73,856 + 295,168 + (3·3·256 + 1) = 390,721
    assertThat(net.numParams()).isEqualTo(390_721);
    INDArray output = net.output(Nd4j.rand(new int[] {3, 3, 32, 32}));
    assertThat(output.shape()).asList().containsExactly(3L, 1L).inOrder();
  }

  @Test
  void globalPoolingAndBatchNormalizationBuild() throws Exception {
    Compilation compilation = compile(TestSources.mnistConvnet(
        "@Flatten Layer flat;",
        "@BatchNormalization(momentum = 0.9, epsilon = 0.01) Layer norm;"
            + " @GlobalMaxPooling2D Layer flat;"));
    assertThat(compilation).succeededWithoutWarnings();
    MultiLayerNetwork net = network(compilation, "com.example.DeepBuild_MnistConvnet", 784);
    MultiLayerConfiguration conf = net.getLayerWiseConfigurations();

    BatchNormalization norm = (BatchNormalization) conf.getConf(5).getLayer();
    assertThat(norm.getDecay()).isEqualTo(0.9);
    assertThat(norm.getEps()).isEqualTo(0.01);
    assertThat(((GlobalPoolingLayer) conf.getConf(6).getLayer()).getPoolingType())
        .isEqualTo(PoolingType.MAX);
    // 320 + 18,496 + 73,856 + 4·128 + (128·10 + 10)
    assertThat(net.numParams()).isEqualTo(320 + 18_496 + 73_856 + 512 + 1_290);
    assertThat(net.output(Nd4j.rand(new int[] {2, 1, 28, 28})).shape()).asList()
        .containsExactly(2L, 10L).inOrder();
  }

  /** Flatten before a layer that is not dense: the generated code adds the preprocessor. */
  @Test
  void flattenBeforeBatchNormalizationNormalizesEachFeature() throws Exception {
    Compilation compilation = compile(TestSources.mnistConvnet(
        "@Flatten Layer flat;", "@Flatten Layer flat; @BatchNormalization Layer norm;"));
    assertThat(compilation).succeededWithoutWarnings();
    MultiLayerNetwork net = network(compilation, "com.example.DeepBuild_MnistConvnet", 784);

    // 3 x 3 x 128 features of 4 parameters each, as Keras's Flatten then BatchNormalization.
    assertThat(net.getLayer(5).numParams()).isEqualTo(3 * 3 * 128 * 4);
    assertThat(net.output(Nd4j.rand(new int[] {2, 1, 28, 28})).shape()).asList()
        .containsExactly(2L, 10L).inOrder();
  }

  /** The book's chapter 2 network on MNIST's images: a flatten first, then dense layers. */
  @Test
  void flattenAsTheFirstLayerTakesNchwImagesAndRows() throws Exception {
    Compilation compilation = compile(TestSources.mnistConvnet(
        "@Conv2D(filters = 32, kernel = 3, activation = RELU) Layer conv1;\n", "",
        "@MaxPooling2D(2) Layer pool1;\n", "",
        "@Conv2D(filters = 64, kernel = 3, activation = RELU) Layer conv2;\n", "",
        "@MaxPooling2D(2) Layer pool2;\n", "",
        "@Conv2D(filters = 128, kernel = 3, activation = RELU) Layer conv3;\n", "",
        "@Flatten Layer flat;", "@Flatten Layer flat; @Dense(units = 512, activation = RELU)"
            + " Layer hidden;"));
    assertThat(compilation).succeededWithoutWarnings();
    MultiLayerNetwork net = network(compilation, "com.example.DeepBuild_MnistConvnet", 784);

    assertThat(net.numParams()).isEqualTo(784 * 512 + 512 + 512 * 10 + 10);
    INDArray images = Nd4j.rand(new int[] {2, 1, 28, 28});
    INDArray output = net.output(images);
    assertThat(output.shape()).asList().containsExactly(2L, 10L).inOrder();
    assertThat(net.output(images.reshape('c', 2, 784))).isEqualTo(output);
  }

  static MultiLayerNetwork network(Compilation compilation, String className, int inputs)
      throws Exception {
    ModelDefinition definition = GeneratedModelTest.load(compilation, className);
    MultiLayerNetwork net =
        new MultiLayerNetwork(GeneratedModelTest.sequential(definition, inputs));
    net.init();
    return net;
  }
}

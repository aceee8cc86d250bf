package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer.PoolingType;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNBatchNormHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNConvHelper;
import org.deeplearning4j.nn.layers.mkldnn.MKLDNNSubsamplingHelper;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Sgd;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * oneDNN's layers against DL4J's own, with real DL4J on small random NCHW data: the same outputs,
 * gradients and parameters after a few steps, within {@link #TOLERANCE} of the largest magnitude
 * compared (float arithmetic summed in another order), and bit-identical runs for one seed.
 */
class OneDnnTest {
  /**
   * Relative to the largest magnitude of the compared array. Measured: at most 1.7e-6 (batch
   * norm's beta gradient); pooling is exact. Float has about 7 digits.
   */
  private static final double TOLERANCE = 1e-5;
  private static final long SEED = 11;
  private static final int BATCH = 6;
  private static final int STEPS = 5;

  @TempDir Path folder;

  @Test
  void theRuntimesNativesHaveOneDnnOnLinuxX8664() {
    // The runtime's POM gives Linux, macOS and Windows on x86-64 the -onednn natives.
    assumeTrue(System.getProperty("os.name").startsWith("Linux")
        && System.getProperty("os.arch").equals("amd64"));
    assertTrue(OneDnn.active(), "the linux-x86_64-onednn natives should be on the class path");
  }

  static Stream<Arguments> layers() {
    return Stream.of(
        Arguments.of("conv 3x3 valid", conv(3, 1, ConvolutionMode.Truncate, 0)),
        Arguments.of("conv 3x3 same", conv(3, 1, ConvolutionMode.Same, 0)),
        Arguments.of("conv 3x3 same stride 2", conv(3, 2, ConvolutionMode.Same, 0)),
        Arguments.of("conv 2x2 stride 2 padding 1", conv(2, 2, ConvolutionMode.Truncate, 1)),
        Arguments.of("max pooling 2x2", pool(PoolingType.MAX, 2, 2, ConvolutionMode.Truncate)),
        Arguments.of("max pooling 3x3 stride 2 same", pool(PoolingType.MAX, 3, 2, ConvolutionMode.Same)),
        Arguments.of("avg pooling 2x2", pool(PoolingType.AVG, 2, 2, ConvolutionMode.Truncate)),
        Arguments.of("avg pooling 3x3 stride 2 same", pool(PoolingType.AVG, 3, 2, ConvolutionMode.Same)),
        Arguments.of("batch norm", new BatchNormalization.Builder().build()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void oneDnnComputesWhatDl4jComputes(String name, org.deeplearning4j.nn.conf.layers.Layer layer) {
    assumeTrue(OneDnn.active());
    compare(name, network(layer, InputType.convolutional(9, 9, 3)),
        Nd4j.rand(DataType.FLOAT, BATCH, 3, 9, 9).subi(0.5));
  }

  @Test
  void batchNormOfDenseActivationsToo() {
    assumeTrue(OneDnn.active());
    compare("dense batch norm", network(new BatchNormalization.Builder().build(),
        InputType.feedForward(7)), Nd4j.rand(DataType.FLOAT, BATCH, 7).subi(0.5));
  }

  private static void compare(String name, MultiLayerConfiguration conf, INDArray features) {
    MultiLayerNetwork plain = network(conf);
    MultiLayerNetwork fast = network(conf);
    fast.setParams(plain.params());
    assertEquals(1, OneDnn.install(fast.getLayers(), DataType.FLOAT));
    assertNull(plain.getLayer(0).getHelper());
    INDArray labels = Nd4j.rand(DataType.FLOAT, BATCH, 4);

    for (boolean train : new boolean[] {false, true}) {
      assertClose(name + " output, train=" + train,
          plain.output(features, train), fast.output(features, train));
    }
    Pair<Gradient, INDArray> expected = plain.calculateGradients(features, labels, null, null);
    Pair<Gradient, INDArray> actual = fast.calculateGradients(features, labels, null, null);
    assertClose(name + " input gradient", expected.getSecond(), actual.getSecond());
    for (String param : expected.getFirst().gradientForVariable().keySet()) {
      assertClose(name + " gradient of " + param,
          expected.getFirst().getGradientFor(param), actual.getFirst().getGradientFor(param));
    }
    for (int step = 0; step < STEPS; step++) {
      plain.fit(features, labels);
      fast.fit(features, labels);
    }
    assertClose(name + " parameters after " + STEPS + " steps", plain.params(), fast.params());
    // Inference after training reads batch norm's running mean and variance.
    assertClose(name + " output after training", plain.output(features), fast.output(features));
  }

  @Test
  void eachKindOfLayerGetsItsHelperInDeepBuildsNetworks() throws IOException {
    assumeTrue(OneDnn.active());
    MultiLayerNetwork dl4j = network(convnet(CNN2DFormat.NCHW));
    TrainableNetwork net = new SequentialNetwork(dl4j);
    assertEquals(3, net.oneDnnLayers());
    Layer[] layers = dl4j.getLayers();
    assertInstanceOf(MKLDNNConvHelper.class, layers[0].getHelper());
    assertInstanceOf(MKLDNNBatchNormHelper.class, layers[1].getHelper());
    assertInstanceOf(MKLDNNSubsamplingHelper.class, layers[2].getHelper());

    Path saved = folder.resolve("model.zip");
    net.save(saved, Optional.empty());
    assertEquals(3, Networks.load(saved).oneDnnLayers());
  }

  @Test
  void graphsAndFrozenLayersGetHelpersToo() {
    assumeTrue(OneDnn.active());
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(SEED)
        .dataType(DataType.FLOAT).graphBuilder()
        .addInputs("in")
        .addLayer("conv", new FrozenLayer(conv(3, 1, ConvolutionMode.Same, 0)), "in")
        .addLayer("pool", pool(PoolingType.MAX, 2, 2, ConvolutionMode.Truncate), "conv")
        .addLayer("out", new OutputLayer.Builder(LossFunction.MSE).nOut(4)
            .activation(Activation.IDENTITY).build(), "pool")
        .setOutputs("out")
        .setInputTypes(InputType.convolutional(9, 9, 3))
        .build();
    assertEquals(2, NetworkConfiguration.of(conf).create(SEED).oneDnnLayers());
  }

  @Test
  void nhwcLayersKeepDl4jsOwnImplementation() {
    assumeTrue(OneDnn.active());
    assertEquals(0, NetworkConfiguration.of(convnet(CNN2DFormat.NHWC)).create(SEED).oneDnnLayers());
  }

  @Test
  void theSameSeedTrainsTheSameBits() {
    assumeTrue(OneDnn.active());
    INDArray features = Nd4j.rand(DataType.FLOAT, BATCH, 3, 9, 9);
    INDArray labels = Nd4j.rand(DataType.FLOAT, BATCH, 4);
    float[] first = trained(features, labels);
    assertArrayEquals(first, trained(features, labels));
  }

  private float[] trained(INDArray features, INDArray labels) {
    TrainableNetwork net = NetworkConfiguration.of(convnet(CNN2DFormat.NCHW)).create(SEED);
    for (int step = 0; step < STEPS; step++) {
      net.fit(new INDArray[] {features}, new INDArray[] {labels});
    }
    return net.parameters().data().asFloat();
  }

  private static ConvolutionLayer conv(int kernel, int stride, ConvolutionMode mode, int padding) {
    return new ConvolutionLayer.Builder(kernel, kernel).stride(stride, stride)
        .padding(padding, padding).convolutionMode(mode).nOut(5)
        .activation(Activation.RELU).build();
  }

  private static SubsamplingLayer pool(PoolingType type, int kernel, int stride, ConvolutionMode mode) {
    return new SubsamplingLayer.Builder(type).kernelSize(kernel, kernel).stride(stride, stride)
        .convolutionMode(mode).build();
  }

  /** {@code layer} on {@code input}, then a dense output of 4 with mean squared error. */
  private static MultiLayerConfiguration network(
      org.deeplearning4j.nn.conf.layers.Layer layer, InputType input) {
    return new NeuralNetConfiguration.Builder().seed(SEED).dataType(DataType.FLOAT)
        .updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER)
        .list()
        .layer(layer)
        .layer(new OutputLayer.Builder(LossFunction.MSE).nOut(4).activation(Activation.IDENTITY).build())
        .setInputType(input)
        .build();
  }

  private static MultiLayerConfiguration convnet(CNN2DFormat format) {
    return new NeuralNetConfiguration.Builder().seed(SEED).dataType(DataType.FLOAT)
        .updater(new Sgd(0.1)).weightInit(WeightInit.XAVIER)
        .list()
        .layer(new ConvolutionLayer.Builder(3, 3).nOut(4).dataFormat(format)
            .activation(Activation.RELU).build())
        .layer(new BatchNormalization.Builder().dataFormat(format).build())
        .layer(new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(2, 2).stride(2, 2)
            .dataFormat(format).build())
        .layer(new OutputLayer.Builder(LossFunction.MSE).nOut(4).activation(Activation.IDENTITY).build())
        .setInputType(format == CNN2DFormat.NCHW ? InputType.convolutional(9, 9, 3)
            : InputType.convolutional(9, 9, 3, CNN2DFormat.NHWC))
        .build();
  }

  private static MultiLayerNetwork network(MultiLayerConfiguration conf) {
    MultiLayerNetwork net = new MultiLayerNetwork(conf.clone());
    net.init();
    return net;
  }

  private static void assertClose(String what, INDArray expected, INDArray actual) {
    assertArrayEquals(expected.shape(), actual.shape(), what + ": shape");
    double scale = Math.max(1e-3, expected.amaxNumber().doubleValue());
    double difference = expected.sub(actual).amaxNumber().doubleValue();
    assertTrue(difference <= TOLERANCE * scale,
        what + ": differs by " + difference + " at a largest magnitude of " + scale);
  }
}

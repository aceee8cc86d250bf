package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Convnets as the generated code configures them (an image input of {@code convolutionalFlat}),
 * with real DL4J: the summary reads the image shapes back channels last, as Keras prints them,
 * counts batch normalization's moving statistics as non-trainable, and the input check takes the
 * image's size.
 */
class ConvnetNetworkTest {

  @Test
  void sequentialSummaryShowsImagesChannelsLastAndMovingStatisticsAsNonTrainable() {
    TrainableNetwork net = NetworkConfiguration.of(sequential()).create(1);

    assertEquals(List.of(
        new NetworkNode("conv", "ConvolutionLayer", "(None, 26, 26, 8)", 80, 80),
        new NetworkNode("norm", "BatchNormalization", "(None, 26, 26, 8)", 32, 16),
        new NetworkNode("pool", "SubsamplingLayer", "(None, 13, 13, 8)", 0, 0),
        new NetworkNode("output", "OutputLayer", "(None, 10)", 13 * 13 * 8 * 10 + 10,
            13 * 13 * 8 * 10 + 10)),
        net.nodes(List.of(784)));
  }

  @Test
  void inputCheckTakesTheImagesValues() {
    NetworkConfiguration conf = NetworkConfiguration.of(sequential());

    assertDoesNotThrow(() -> conf.checkInputs("mnist", List.of(784)));
    InvalidInputException wrong =
        assertThrows(InvalidInputException.class, () -> conf.checkInputs("mnist", List.of(3072)));
    assertEquals("mnist: the network takes images of 28 x 28 pixels of 1 channels, 784 values,"
        + " but the data has 3072; rebuild the project so the generated code matches the data.",
        wrong.getMessage());
  }

  /** An image a flatten takes as it is: the flattening preprocessor holds its size. */
  @Test
  void flattenedImageInputIsReadFromItsFlatteningPreprocessor() {
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
        .seed(1)
        .list()
        .setInputType(InputType.convolutional(28, 28, 1))
        .layer(new DenseLayer.Builder().name("hidden").nOut(16).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("output").nOut(10)
            .activation(Activation.SOFTMAX).build())
        .build();
    NetworkConfiguration network = NetworkConfiguration.of(conf);

    assertEquals(List.of(
        new NetworkNode("hidden", "DenseLayer", "(None, 16)", 784 * 16 + 16, 784 * 16 + 16),
        new NetworkNode("output", "OutputLayer", "(None, 10)", 170, 170)),
        network.create(1).nodes(List.of(784)));
    assertDoesNotThrow(() -> network.checkInputs("mnist", List.of(784)));
    assertThrows(InvalidInputException.class, () -> network.checkInputs("mnist", List.of(785)));
  }

  @Test
  void graphSummaryShowsImagesChannelsLastAndTheFlatteningVertex() {
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder()
        .seed(1)
        .graphBuilder()
        .addInputs("image")
        .setInputTypes(InputType.convolutionalFlat(28, 28, 1))
        .addLayer("conv", new ConvolutionLayer.Builder(3, 3).nOut(4)
            .convolutionMode(ConvolutionMode.Same).build(), "image")
        .addVertex("flat", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(28, 28, 4)),
            "conv")
        .addLayer("output", new OutputLayer.Builder(LossFunction.MCXENT).nOut(10)
            .activation(Activation.SOFTMAX).build(), "flat")
        .setOutputs("output")
        .build();
    TrainableNetwork net = NetworkConfiguration.of(conf).create(1);

    assertEquals(List.of(
        new NetworkNode("image", "InputLayer", "(None, 28, 28, 1)", 0, 0),
        new NetworkNode("conv", "ConvolutionLayer", "(None, 28, 28, 4)", 40, 40),
        new NetworkNode("flat", "PreprocessorVertex", "(None, 3136)", 0, 0),
        new NetworkNode("output", "OutputLayer", "(None, 10)", 31_370, 31_370)),
        net.nodes(List.of(784)));
  }

  private static MultiLayerConfiguration sequential() {
    return new NeuralNetConfiguration.Builder()
        .seed(1)
        .list()
        .setInputType(InputType.convolutionalFlat(28, 28, 1))
        .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(8)
            .activation(Activation.RELU).convolutionMode(ConvolutionMode.Truncate).build())
        .layer(new BatchNormalization.Builder().name("norm").decay(0.99).eps(0.001).build())
        .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool").kernelSize(2, 2)
            .stride(2, 2).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("output").nOut(10)
            .activation(Activation.SOFTMAX).build())
        .build();
  }
}

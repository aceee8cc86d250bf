package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * An inner vertex's outputs, a vertex at a time with each activation freed once read, equal
 * DL4J's own forward pass: through a residual sum, a dropout that hands its input on, a batch
 * normalization and a merge, with the inputs left as they were.
 */
class VertexOutputTest {
  @Test
  void anInnerVertexsOutputsEqualDl4jsForwardPass() {
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(3)
        .graphBuilder()
        .addInputs("image")
        .addLayer("conv1", new ConvolutionLayer.Builder(3, 3).nOut(4).convolutionMode(
            org.deeplearning4j.nn.conf.ConvolutionMode.Same).activation(Activation.RELU).build(), "image")
        .addLayer("drop", new DropoutLayer.Builder(0.5).build(), "conv1")
        .addLayer("conv2", new ConvolutionLayer.Builder(3, 3).nOut(4).convolutionMode(
            org.deeplearning4j.nn.conf.ConvolutionMode.Same).activation(Activation.IDENTITY).build(), "drop")
        .addLayer("norm", new BatchNormalization.Builder().build(), "conv2")
        .addVertex("sum", new ElementWiseVertex(ElementWiseVertex.Op.Add), "norm", "conv1")
        .addVertex("both", new MergeVertex(), "sum", "drop")
        .addLayer("pool", new GlobalPoolingLayer.Builder().build(), "both")
        .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "pool")
        .setOutputs("out")
        .setInputTypes(InputType.convolutional(6, 6, 2))
        .build();
    ComputationGraph graph = new ComputationGraph(conf);
    graph.init();
    INDArray images = Nd4j.rand(DataType.FLOAT, 5, 2, 6, 6);
    INDArray before = images.dup();

    for (String vertex : new String[] {"both", "sum", "drop", "pool"}) {
      INDArray expected = graph.feedForward(new INDArray[] {images}, false).get(vertex);
      INDArray actual = new VertexOutput(graph, vertex).of(new INDArray[] {images});
      assertFalse(actual.wasClosed(), vertex);
      assertEquals(expected, actual, vertex);
    }
    assertEquals(before, images);
  }
}

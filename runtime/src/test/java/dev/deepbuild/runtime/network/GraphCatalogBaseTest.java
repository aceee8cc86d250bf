package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.PretrainedModel;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A graph head on the catalog's MobileNetV2, Keras's {@code base(inputs)} in a functional model:
 * the network takes the base's RGB images, the head's layers follow the base's feature map, and
 * fitting leaves the frozen base as it was imported.
 */
class GraphCatalogBaseTest {
  @TempDir Path project;

  @Test
  void aFrozenCatalogBaseUnderAGraphHeadTakesImagesAndStaysAsImported() {
    ComputationGraphConfiguration head = new NeuralNetConfiguration.Builder().seed(1)
        .updater(new Adam(1e-3)).graphBuilder()
        .addInputs("features")
        .setInputTypes(InputType.convolutional(1, 1, PretrainedModel.MOBILENET_V2.channels()))
        .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "features")
        .addLayer("cat", new OutputLayer.Builder(LossFunction.XENT).nOut(1)
            .activation(Activation.SIGMOID).build(), "pool")
        .setOutputs("cat")
        .build();
    TrainableNetwork net = NetworkConfiguration.on(
            PretrainedBase.catalog(PretrainedModel.MOBILENET_V2, 32, 32), "features", head)
        .locatedIn(new BaseLocations(project, project.resolve("target/deepbuild")))
        .create(1);
    List<NetworkNode> nodes = net.nodes(List.of(32 * 32 * 3));
    assertEquals("(None, 32, 32, 3)", nodes.get(0).outputShape());
    assertEquals("(None, 1)", nodes.get(nodes.size() - 1).outputShape());
    long trainable = nodes.stream().mapToLong(NetworkNode::trainableParams).sum();
    assertEquals(PretrainedModel.MOBILENET_V2.channels() + 1, trainable);

    INDArray before = net.parameters().dup();
    INDArray images = Nd4j.rand(DataType.FLOAT, 2, 3, 32, 32);
    net.fit(new INDArray[] {images}, new INDArray[] {Nd4j.ones(DataType.FLOAT, 2, 1)});
    INDArray after = net.parameters();
    // The head's parameters come last, after the base's.
    long base = before.length() - trainable;
    assertEquals(before.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, base)),
        after.get(org.nd4j.linalg.indexing.NDArrayIndex.interval(0, base)));
    assertArrayEquals(new long[] {2, 1}, net.output(new INDArray[] {images})[0].shape());
  }
}

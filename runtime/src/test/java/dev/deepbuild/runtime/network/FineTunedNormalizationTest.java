package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A base's fine-tuned batch normalization: its moving statistics follow the new data, which
 * inference normalizes with, while a frozen one keeps the pretrained ones.
 */
class FineTunedNormalizationTest {
  @TempDir Path dir;

  @Test
  void aFineTunedBatchNormalizationFollowsTheNewDataAndAFrozenOneKeepsItsStatistics()
      throws IOException {
    // h1 -> bn1 -> h2 -> bn2 -> out, each normalization with a pretrained network's slow decay.
    MultiLayerNetwork pretrained = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
        .seed(1).updater(new Adam(0.01)).list()
        .layer(new DenseLayer.Builder().name("h1").nOut(6).activation(Activation.RELU).build())
        .layer(new BatchNormalization.Builder().name("bn1").decay(0.999).build())
        .layer(new DenseLayer.Builder().name("h2").nOut(6).activation(Activation.RELU).build())
        .layer(new BatchNormalization.Builder().name("bn2").decay(0.999).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(2)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.feedForward(4)).build());
    pretrained.init();
    Path saved = dir.resolve("target/deepbuild/base/model.zip");
    Files.createDirectories(saved.getParent());
    ModelSerializer.writeModel(pretrained, saved.toFile(), false);

    TrainableNetwork tuned = NetworkConfiguration.on(PretrainedBase.model("base"),
            new NeuralNetConfiguration.Builder().seed(2).updater(new Adam(0.01)).list()
                .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("classes").nOut(2)
                    .activation(Activation.SOFTMAX).build())
                .setInputType(InputType.feedForward(6)).build())
        .trainable(2).fineTuneLearningRate(0.001)
        .locatedIn(new BaseLocations(dir, dir.resolve("target/deepbuild"))).create(3);
    // Data far from what the base's moving statistics hold: a mean of 5.
    INDArray x = Nd4j.rand(DataType.FLOAT, 32, 4).addi(5);
    INDArray y = Nd4j.zeros(DataType.FLOAT, 32, 2);
    for (int row = 0; row < 32; row++) {
      y.putScalar(row, row % 2, 1);
    }
    for (int step = 0; step < 60; step++) {
      tuned.fit(new INDArray[] {x}, new INDArray[] {y});
    }
    Path file = dir.resolve("tuned.zip");
    tuned.save(file, Optional.empty());
    ComputationGraph graph = ModelSerializer.restoreComputationGraph(file.toFile());
    assertEquals(0.999, decay(graph, "bn1"), 1e-12, "frozen: the pretrained statistics stay");
    assertEquals(FineTunedNormalization.DECAY, decay(graph, "bn2"), 1e-12);
    // What h2 gives the new data, which bn2's moving mean now holds, as its training batches did.
    INDArray h2 = graph.feedForward(x, false).get("h2");
    INDArray mean = graph.getLayer("bn2").getParam("mean");
    assertEquals(0, h2.mean(0).reshape(mean.shape()).sub(mean).norm2Number().doubleValue(), 1e-2);
  }

  private static double decay(ComputationGraph graph, String layer) {
    var conf = ((LayerVertex) graph.getConfiguration().getVertices().get(layer)).getLayerConf()
        .getLayer();
    return conf instanceof BatchNormalization normalization ? normalization.getDecay()
        : ((BatchNormalization) ((org.deeplearning4j.nn.conf.layers.misc.FrozenLayer) conf)
            .getLayer()).getDecay();
  }
}

package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.PretrainedModel;
import java.nio.file.Path;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A head on a catalog base is summarized from the base's own input, which its imported graph keeps
 * no preprocessor for: the summary starts with the RGB image and ends with the head. The base
 * comes as a build gets it (the offline folder, the cache, or a verified download).
 */
class CatalogBaseSummaryTest {
  @TempDir Path project;

  @Test
  void theSummaryStartsWithTheImagesTheBaseTakes() {
    MultiLayerConfiguration head = new NeuralNetConfiguration.Builder()
        .seed(1).list()
        .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).name("pool").build())
        .layer(new OutputLayer.Builder(LossFunction.XENT).name("output").nOut(1)
            .activation(Activation.SIGMOID).build())
        .setInputType(InputType.convolutional(1, 1, PretrainedModel.MOBILENET_V2.channels()))
        .build();
    TrainableNetwork net = NetworkConfiguration.on(
            PretrainedBase.catalog(PretrainedModel.MOBILENET_V2, 32, 32), head)
        .locatedIn(new BaseLocations(project, project.resolve("target/deepbuild")))
        .create(1);

    List<NetworkNode> nodes = net.nodes(List.of(32 * 32 * 3));

    assertEquals("(None, 32, 32, 3)", nodes.get(0).outputShape());
    NetworkNode last = nodes.get(nodes.size() - 1);
    assertEquals("output", last.name());
    assertEquals("(None, 1)", last.outputShape());
  }
}

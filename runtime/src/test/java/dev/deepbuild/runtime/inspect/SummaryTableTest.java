package dev.deepbuild.runtime.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.runtime.network.NetworkNode;
import dev.deepbuild.runtime.network.SequentialNetwork;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

class SummaryTableTest {

  @Test
  void countsEachLayersParametersAsKerasDoes() {
    ModelSummary summary = ModelSummary.of("iris", "it.iris.Iris", iris(), 4);

    assertEquals(List.of(
        new NetworkNode("hidden", "DenseLayer", "(None, 8)", 40, true),
        new NetworkNode("drop", "DropoutLayer", "(None, 8)", 0, true),
        new NetworkNode("output", "OutputLayer", "(None, 3)", 27, true)), summary.layers());
    assertEquals(67, summary.totalParams());
    assertEquals(67, summary.trainableParams());
    assertEquals(0, summary.nonTrainableParams());
  }

  @Test
  void printsKerasLikeTable() {
    assertEquals(List.of(
        "Model: \"iris\" (it.iris.Iris)",
        "_".repeat(65),
        " Layer (type)                Output Shape              Param #",
        "=".repeat(65),
        " hidden (DenseLayer)         (None, 8)                 40",
        " drop (DropoutLayer)         (None, 8)                 0",
        " output (OutputLayer)        (None, 3)                 27",
        "=".repeat(65),
        "Total params: 67",
        "Trainable params: 67",
        "Non-trainable params: 0",
        "_".repeat(65)),
        SummaryTable.lines(ModelSummary.of("iris", "it.iris.Iris", iris(), 4)));
  }

  @Test
  void widensColumnsForLongNamesAndGroupsThousandsInTotals() {
    ModelSummary summary = new ModelSummary("imdb", "x.Imdb", List.of(
        new NetworkNode("a_rather_long_layer_name", "DenseLayer", "(None, 16)", 160016, true),
        new NetworkNode("output", "OutputLayer", "(None, 1)", 17, false)));
    List<String> lines = SummaryTable.lines(summary);

    assertEquals(" a_rather_long_layer_name (DenseLayer)  (None, 16)                160016", lines.get(4));
    assertEquals("Total params: 160,033", lines.get(7));
    assertEquals("Trainable params: 160,016", lines.get(8));
    assertEquals("Non-trainable params: 17", lines.get(9));
  }

  /** 4 inputs, 8 hidden units, dropout, 3 classes. */
  private static TrainableNetwork iris() {
    MultiLayerConfiguration conf = new NeuralNetConfiguration.Builder()
        .seed(42)
        .list()
        .layer(new DenseLayer.Builder().name("hidden").nIn(4).nOut(8).activation(Activation.RELU).build())
        .layer(new DropoutLayer.Builder(0.8).name("drop").build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).name("output")
            .nIn(8).nOut(3).activation(Activation.SOFTMAX).build())
        .build();
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return new SequentialNetwork(net);
  }
}

package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.build.io.Sha256;
import dev.deepbuild.runtime.InvalidInputException;
import java.util.List;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/** What the training path asks a network's configuration before the network exists. */
class NetworkConfigurationTest {

  @Test
  void aSequentialDigestIgnoresTheSeedAndIsTheDigestFingerprintsHaveAlwaysHad() {
    MultiLayerConfiguration conf = sequential(42, 16);

    String digest = NetworkConfiguration.of(conf).digest();

    assertEquals(digest, NetworkConfiguration.of(sequential(7, 16)).digest());
    assertNotEquals(digest, NetworkConfiguration.of(sequential(42, 17)).digest());
    // Fingerprints of models trained before graphs existed stay valid: the SHA-256 of a copy's
    // JSON with every layer's seed 0, as the fingerprint computed it then.
    MultiLayerConfiguration copy = sequential(42, 16).clone();
    copy.getConfs().forEach(layer -> layer.setSeed(0));
    assertEquals("sha256:" + Sha256.of(copy.toJson()), digest);
    // Digesting works on a copy.
    assertEquals(42, conf.getConf(0).getSeed());
  }

  @Test
  void aGraphDigestIgnoresTheSeedButNotTheLayers() {
    ComputationGraphConfiguration conf = graph(42, 1.0, 0.3);

    String digest = NetworkConfiguration.of(conf).digest();

    assertEquals(digest, NetworkConfiguration.of(graph(9, 1.0, 0.3)).digest());
    assertNotEquals(digest, NetworkConfiguration.of(graph(42, 1.0, 0.5)).digest());
    assertEquals(42, conf.getDefaultConfiguration().getSeed());
    assertEquals(Set.of(42L), NetworkConfiguration.of(conf).seeds());
  }

  @Test
  void aGraphsOutputsAreItsOutputLayersInOrderWithTheirUnweightedLossesAndWeights() {
    List<NetworkOutput> outputs = NetworkConfiguration.of(graph(42, 2.0, 0.3)).outputs();

    assertEquals(List.of("topic", "usa", "price"), outputs.stream().map(NetworkOutput::name).toList());
    assertEquals(List.of(3, 1, 1), outputs.stream().map(NetworkOutput::units).toList());
    assertInstanceOf(LossMCXENT.class, outputs.get(0).loss());
    assertInstanceOf(LossBinaryXENT.class, outputs.get(1).loss());
    assertEquals(List.of(2.0, 0.3, 1.0), outputs.stream().map(NetworkOutput::weight).toList());
    // An output without a weight is its plain loss, weighted 1.
    assertInstanceOf(LossMSE.class, outputs.get(2).loss());
  }

  @Test
  void aSequentialNetworkHasOneOutputWeightedOne() {
    List<NetworkOutput> outputs = NetworkConfiguration.of(sequential(42, 16)).outputs();

    assertEquals(1, outputs.size());
    assertEquals("output", outputs.get(0).name());
    assertEquals(3, outputs.get(0).units());
    assertInstanceOf(LossMCXENT.class, outputs.get(0).loss());
    assertEquals(1.0, outputs.get(0).weight());
    assertEquals(Set.of(42L), NetworkConfiguration.of(sequential(42, 16)).seeds());
    assertEquals(DataType.FLOAT, NetworkConfiguration.of(sequential(42, 16)).dataType());
  }

  @Test
  void aGraphOutputThatIsNoOutputLayerIsReported() {
    ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).graphBuilder()
        .addInputs("in")
        .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(3).build(), "in")
        .setOutputs("hidden")
        .build();

    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> NetworkConfiguration.of(conf).outputs());
    assertEquals("the graph's output hidden is no output layer with units; make each output a"
        + " @Dense layer with a loss.", e.getMessage());
  }

  @Test
  void theInferredInputCountOfASequentialNetworkMatchesTheData() {
    // As generated for a vectorized text: the input type, not nIn, and dropout first.
    NetworkConfiguration conf = NetworkConfiguration.of(new NeuralNetConfiguration.Builder()
        .seed(42)
        .list()
        .setInputType(InputType.feedForward(5000))
        .layer(new DropoutLayer.Builder(0.9).name("noise").build())
        .layer(new DenseLayer.Builder().name("hidden").nOut(16).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(new LossBinaryXENT()).name("output").nOut(1)
            .activation(Activation.SIGMOID).build())
        .build());

    assertDoesNotThrow(() -> conf.checkInputs("reviews", List.of(5000)));
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> conf.checkInputs("reviews", List.of(4000)));
    assertEquals("reviews: the first layer, hidden, takes 5000 inputs, but the data has 4000"
        + " features; rebuild the project so the generated code matches the data.", e.getMessage());
  }

  /** 4 inputs, {@code hidden} units, 3 classes. */
  private static MultiLayerConfiguration sequential(long seed, int hidden) {
    return new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.01)).list()
        .layer(new DenseLayer.Builder().name("hidden").nIn(4).nOut(hidden).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(new LossMCXENT()).name("output").nIn(hidden).nOut(3)
            .activation(Activation.SOFTMAX).build())
        .build();
  }

  /** One shared layer into a weighted topic and usa flag, and an unweighted price. */
  private static ComputationGraphConfiguration graph(long seed, double topicWeight,
      double usaWeight) {
    return new NeuralNetConfiguration.Builder().seed(seed).weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.01)).graphBuilder()
        .addInputs("text")
        .addLayer("shared", new DenseLayer.Builder().nIn(8).nOut(4).activation(Activation.RELU).build(), "text")
        .addLayer("topic", new OutputLayer.Builder(WeightedLoss.of(new LossMCXENT(), topicWeight))
            .nIn(4).nOut(3).activation(Activation.SOFTMAX).build(), "shared")
        .addLayer("usa", new OutputLayer.Builder(WeightedLoss.of(new LossBinaryXENT(), usaWeight))
            .nIn(4).nOut(1).activation(Activation.SIGMOID).build(), "shared")
        .addLayer("price", new OutputLayer.Builder(new LossMSE()).nIn(4).nOut(1)
            .activation(Activation.IDENTITY).build(), "shared")
        .setOutputs("topic", "usa", "price")
        .build();
  }
}

package dev.deepbuild.runtime.network;

import static dev.deepbuild.runtime.network.SmallData.blobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.io.Sha256;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.network.custom.Mix;
import dev.deepbuild.runtime.network.custom.Projection;
import dev.deepbuild.runtime.network.custom.Scale;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Networks with users' own layers, as generated code builds them: checked against their
 * declarations, trained, saved to a model file and loaded back with identical outputs (DL4J
 * writes a custom layer by its class name, which the class path resolves when loading).
 */
class CustomLayerNetworkTest {
  private static final long SEED = 5;

  @TempDir Path folder;

  private static MultiLayerConfiguration sequential() {
    return new NeuralNetConfiguration.Builder().seed(SEED).weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.02)).list()
        .setInputType(InputType.feedForward(4))
        .layer(new DenseLayer.Builder().name("hidden").nOut(8).activation(Activation.RELU).build())
        .layer(CustomLayer.named("scale", new Scale()))
        .layer(CustomLayer.named("projection", new Projection()))
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("output").nOut(3)
            .activation(Activation.SOFTMAX).build())
        .build();
  }

  private static ComputationGraphConfiguration graph() {
    return new NeuralNetConfiguration.Builder().seed(SEED).weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.02)).graphBuilder()
        .addInputs("in")
        .setInputTypes(InputType.feedForward(4))
        .addLayer("left", new DenseLayer.Builder().nOut(5).activation(Activation.RELU).build(),
            "in")
        .addLayer("right", new DenseLayer.Builder().nOut(5).activation(Activation.TANH).build(),
            "in")
        .addVertex("mix", new Mix(), "left", "right")
        .addLayer("scale", new Scale(), "mix")
        .addLayer("projection", new Projection(), "scale")
        .addLayer("output", new OutputLayer.Builder(LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "projection")
        .setOutputs("output")
        .build();
  }

  private static final DeclaredLayer[] SEQUENTIAL_DECLARED = {
      DeclaredLayer.of("scale", 8, 0L, 8), DeclaredLayer.of("projection", 6, 54L, 8)};

  private static final DeclaredLayer[] GRAPH_DECLARED = {
      DeclaredLayer.of("mix", 5, 0L, 5, 5), DeclaredLayer.of("scale", 5, 0L, 5),
      DeclaredLayer.of("projection", 6, 36L, 5)};

  @Test
  void aSequentialNetworkWithCustomLayersRoundTripsThroughItsModelFile() throws IOException {
    roundTrip(NetworkConfiguration.of(sequential()).declaring(SEQUENTIAL_DECLARED),
        SequentialNetwork.class);
  }

  @Test
  void aGraphWithACustomVertexAndLayersRoundTripsThroughItsModelFile() throws IOException {
    roundTrip(NetworkConfiguration.of(graph()).declaring(GRAPH_DECLARED), GraphNetwork.class);
  }

  private void roundTrip(NetworkConfiguration conf, Class<?> kind) throws IOException {
    TrainableNetwork net = conf.create(SEED);
    MultiDataSet train = blobs(48, 1);
    for (int epoch = 0; epoch < 3; epoch++) {
      net.fit(train.getFeatures(), train.getLabels());
      net.endEpoch();
    }
    Path file = folder.resolve("model.zip");

    net.save(file, Optional.empty());

    TrainableNetwork loaded = Networks.load(file);
    assertInstanceOf(kind, loaded);
    MultiDataSet test = blobs(20, 2);
    assertArrayEquals(net.output(test.getFeatures()), loaded.output(test.getFeatures()));
    assertEquals(net.score(test), loaded.score(test));
    assertEquals(net.parameterCount(), loaded.parameterCount());
    assertEquals(conf.toJson(), loaded.configuration().toJson());
  }

  @Test
  void theLayersKeepTheirFieldNamesAndParameters() {
    TrainableNetwork net = NetworkConfiguration.of(sequential()).create(SEED);

    assertEquals(List.of("hidden", "scale", "projection", "output"),
        net.layers().stream().map(layer -> layer.conf().getLayerName()).toList());
    assertEquals(List.of(40L, 0L, 54L, 21L),
        net.layers().stream().map(NetworkLayer::params).toList());
  }

  @Test
  void aDeclaredShapeTheClassDoesNotGiveNamesTheLayerTheClassAndBothShapes() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> NetworkConfiguration.of(sequential())
            .declaring(DeclaredLayer.of("projection", 4, 54L, 8)));

    assertEquals("the custom layer 'projection' (" + Projection.class.getName() + ") gives"
        + " (None, 6) from its getOutputType, but its @Custom declares (None, 4), which the"
        + " compile-time shapes and summary use; make getOutputType return"
        + " InputType.feedForward(4) for inputs of (None, 8), or set @Custom's units to what the"
        + " layer gives (0 for its input's shape).", e.getMessage());
  }

  @Test
  void aVertexWhoseShapeDiffersFromItsDeclarationIsNamed() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> NetworkConfiguration.of(graph()).declaring(DeclaredLayer.of("mix", 10, 0L, 5, 5)));

    assertEquals("the custom layer 'mix' (" + Mix.class.getName() + ") gives (None, 5) from its"
        + " getOutputType, but its @Custom declares (None, 10), which the compile-time shapes and"
        + " summary use; make getOutputType return InputType.feedForward(10) for inputs of"
        + " (None, 5) and (None, 5), or set @Custom's units to what the layer gives (0 for its"
        + " input's shape).", e.getMessage());
  }

  @Test
  void declaredParametersTheLayerDoesNotHoldAreNamed() {
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> NetworkConfiguration.of(graph()).declaring(DeclaredLayer.of("projection", 6, 0L, 5)));

    assertEquals("the custom layer 'projection' (" + Projection.class.getName() + ") holds 36"
        + " parameters, but its @Custom declares 0, which the compile-time summary shows; set"
        + " params = 36.", e.getMessage());
  }

  @Test
  void theDigestCoversTheCustomClassesCodeWhichTheJsonOnlyNames() {
    MultiLayerConfiguration zeroSeeds = sequential().clone();
    zeroSeeds.getConfs().forEach(layer -> layer.setSeed(0));

    assertEquals("sha256:" + Sha256.of(zeroSeeds.toJson()
            + CustomCode.of(Stream.of(new Scale(), new Projection()))),
        NetworkConfiguration.of(sequential()).digest());
    assertTrue(CustomCode.of(Stream.of(new Scale())).startsWith(" custom sha256:"));
    assertNotEquals(CustomCode.of(Stream.of(new Scale())),
        CustomCode.of(Stream.of(new Projection())));
  }

  @Test
  void aNetworkOfDl4jLayersOnlyKeepsItsJsonDigest() {
    assertEquals("", CustomCode.of(Stream.of(new DenseLayer.Builder().nOut(1).build(),
        new MergeVertex())));
  }
}

package dev.deepbuild.runtime.network;

import static dev.deepbuild.runtime.network.SmallData.blobs;
import static dev.deepbuild.runtime.network.SmallData.rows;
import static dev.deepbuild.runtime.network.SmallData.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.io.ModelArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The ComputationGraph behind the seam, with real DL4J on small generated data. */
class GraphNetworkTest {
  private static final long SEED = 11;

  @TempDir Path folder;

  @Test
  void aOnePathGraphComputesAndTrainsAsItsSequentialNetwork() {
    // toComputationGraph keeps the weights (and may share them): each trains its own network.
    TrainableNetwork sequential = new SequentialNetwork(initialized());
    TrainableNetwork graph = new GraphNetwork(initialized().toComputationGraph());
    MultiDataSet data = blobs(48, 1);

    assertEquals(sequential.parameters(), graph.parameters());
    assertArrayEquals(sequential.output(data.getFeatures()), graph.output(data.getFeatures()));
    assertEquals(sequential.score(data), graph.score(data), 1e-7);
    for (int start = 0; start < 48; start += 16) {
      MultiDataSet batch = rows(data, start, start + 16);
      sequential.fit(batch.getFeatures(), batch.getLabels());
      graph.fit(batch.getFeatures(), batch.getLabels());
    }
    assertTrue(sequential.parameters().equalsWithEps(graph.parameters(), 1e-6),
        sequential.parameters() + "\n" + graph.parameters());
    assertEquals(described(sequential), described(graph));
    assertEquals(sequential.learningRate(), graph.learningRate());
  }

  @Test
  void fitsMeasuresAndRestoresParametersOfABranchingGraph() {
    TrainableNetwork graph = NetworkConfiguration.of(branching()).create(SEED);
    MultiDataSet data = blobs(60, 2);
    double before = graph.score(data);
    INDArray initial = graph.parameters();

    for (int i = 0; i < 30; i++) {
      graph.fit(data.getFeatures(), data.getLabels());
    }

    assertTrue(graph.score(data) < before / 2, before + " -> " + graph.score(data));
    assertArrayEquals(graph.output(data.getFeatures()), graph.output(data.getFeatures()));
    assertNotEquals(initial, graph.parameters());
    graph.setParameters(initial);
    assertEquals(initial, graph.parameters());
    assertEquals(before, graph.score(data));
    // The branches in either order, then the output layer; the merge vertex holds no layer.
    List<String> names = graph.layers().stream().map(layer -> layer.conf().getLayerName()).toList();
    assertEquals(Set.of("left", "right"), Set.copyOf(names.subList(0, 2)));
    assertEquals("output", names.get(2));
    // left 4*5+5, right 4*3+3, output (5+3)*3+3
    assertEquals(25 + 15 + 27, graph.parameterCount());
    assertEquals(graph.parameterCount(), graph.layers().stream().mapToLong(NetworkLayer::params).sum());
  }

  @Test
  void getsAndSetsTheLearningRate() {
    TrainableNetwork graph = NetworkConfiguration.of(branching()).create(SEED);
    assertEquals(0.02, graph.learningRate(), 1e-12);

    graph.setLearningRate(0.005);

    assertEquals(0.005, graph.learningRate(), 1e-12);
  }

  @Test
  void aSavedGraphLoadsAsAGraphWithIdenticalOutputs() throws IOException {
    TrainableNetwork graph = NetworkConfiguration.of(branching()).create(SEED);
    MultiDataSet train = blobs(40, 3);
    NormalizerStandardize normalizer = new NormalizerStandardize();
    normalizer.fit(table(train));
    normalizer.transform(train.getFeatures(0));
    graph.fit(train.getFeatures(), train.getLabels());
    graph.endEpoch();
    Path file = folder.resolve("graph.zip");

    graph.save(file, Optional.of(normalizer));

    TrainableNetwork loaded = Networks.load(file);
    assertInstanceOf(GraphNetwork.class, loaded);
    MultiDataSet test = blobs(20, 4);
    assertArrayEquals(graph.output(test.getFeatures()), loaded.output(test.getFeatures()));
    assertEquals(graph.score(test), loaded.score(test));
    assertEquals(DataType.FLOAT, loaded.dataType());
    assertTrue(ModelArchive.normalizer(file).isPresent());
    assertEquals(1, ModelSerializer.restoreComputationGraph(file.toFile(), true).getEpochCount());
  }

  @Test
  void aSavedSequentialNetworkLoadsAsSequential() throws IOException {
    Path file = folder.resolve("sequential.zip");
    NetworkConfiguration.of(sequential()).create(SEED).save(file, Optional.empty());

    assertInstanceOf(SequentialNetwork.class, Networks.load(file));
  }

  @Test
  void aFileThatIsNoModelDoesNotLoad() throws IOException {
    Path file = folder.resolve("model.zip");
    Files.writeString(file, "not a zip");

    assertThrows(IOException.class, () -> Networks.load(file));
  }

  @Test
  void aGraphOfTwoInputsAndTwoOutputsTakesAndGivesOneArrayEach() {
    TrainableNetwork graph = NetworkConfiguration.of(twoInputsTwoOutputs()).create(SEED);
    MultiDataSet blobs = blobs(60, 5);
    Nd4j.getRandom().setSeed(SEED);
    INDArray second = Nd4j.rand(DataType.FLOAT, 60, 2);
    MultiDataSet data = new MultiDataSet(new INDArray[] {blobs.getFeatures(0), second},
        new INDArray[] {blobs.getLabels(0), second.sum(true, 1).mul(2)});
    double before = graph.score(data);

    for (int i = 0; i < 40; i++) {
      graph.fit(data.getFeatures(), data.getLabels());
    }

    INDArray[] outputs = graph.output(data.getFeatures());
    assertEquals(2, outputs.length);
    assertEquals(List.of(60L, 3L), List.of(outputs[0].size(0), outputs[0].size(1)));
    assertEquals(List.of(60L, 1L), List.of(outputs[1].size(0), outputs[1].size(1)));
    assertTrue(graph.score(data) < before / 2, before + " -> " + graph.score(data));
    List<NetworkOutput> heads = graph.outputs();
    assertEquals(List.of("topic", "value"), heads.stream().map(NetworkOutput::name).toList());
    // Unweighted outputs: the graph's score is the plain sum of its outputs' mean losses.
    assertEquals(heads.get(0).meanLoss(data.getLabels(0), outputs[0])
        + heads.get(1).meanLoss(data.getLabels(1), outputs[1]), graph.score(data), 1e-5);
  }

  /** Each layer's type and parameter count (toComputationGraph names the layers by index). */
  private static List<String> described(TrainableNetwork net) {
    return net.layers().stream()
        .map(layer -> layer.conf().getClass().getSimpleName() + " " + layer.params()).toList();
  }

  private static MultiLayerNetwork initialized() {
    MultiLayerNetwork net = new MultiLayerNetwork(sequential());
    net.init();
    return net;
  }

  private static MultiLayerConfiguration sequential() {
    return new NeuralNetConfiguration.Builder().seed(SEED).weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.01)).list()
        .layer(new DenseLayer.Builder().name("hidden").nIn(4).nOut(6).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("output").nIn(6).nOut(3)
            .activation(Activation.SOFTMAX).build())
        .build();
  }

  /** The blobs' features into a 3-way topic, two more numbers into a value: no shared layer. */
  private static ComputationGraphConfiguration twoInputsTwoOutputs() {
    return new NeuralNetConfiguration.Builder().seed(SEED).weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.02)).graphBuilder()
        .addInputs("blob", "numbers")
        .addLayer("fromBlob", new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.RELU).build(), "blob")
        .addLayer("fromNumbers", new DenseLayer.Builder().nIn(2).nOut(4).activation(Activation.TANH).build(), "numbers")
        .addLayer("topic", new OutputLayer.Builder(LossFunction.MCXENT).nIn(6).nOut(3)
            .activation(Activation.SOFTMAX).build(), "fromBlob")
        .addLayer("value", new OutputLayer.Builder(LossFunction.MSE).nIn(4).nOut(1)
            .activation(Activation.IDENTITY).build(), "fromNumbers")
        .setOutputs("topic", "value")
        .build();
  }

  /** Two dense branches of the input, merged into the output layer. */
  private static ComputationGraphConfiguration branching() {
    return new NeuralNetConfiguration.Builder().seed(SEED).weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.02)).graphBuilder()
        .addInputs("in")
        .addLayer("left", new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.RELU).build(), "in")
        .addLayer("right", new DenseLayer.Builder().nIn(4).nOut(3).activation(Activation.TANH).build(), "in")
        .addVertex("merge", new MergeVertex(), "left", "right")
        .addLayer("output", new OutputLayer.Builder(LossFunction.MCXENT).nIn(8).nOut(3)
            .activation(Activation.SOFTMAX).build(), "merge")
        .setOutputs("output")
        .build();
  }
}

package dev.deepbuild.runtime.network;

import static dev.deepbuild.runtime.network.SmallData.blobs;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration.GraphBuilder;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * Per-output loss weights on a real DL4J graph of two outputs (a 3-way topic and a yes/no flag
 * over one shared layer), on small generated data.
 */
class WeightedLossTest {
  private static final long SEED = 5;
  private static final String[] LAYERS = {"shared", "topic", "flag"};

  @TempDir Path folder;

  @Test
  void theGraphScoreIsTheWeightedSumOfTheOutputsLosses() {
    ComputationGraph graph = graph(twoOutputs(1.0, 0.3, DataType.FLOAT));
    MultiDataSet data = data(40, 1, DataType.FLOAT);

    // Each output's loss recomputed from the graph's own outputs by the unweighted loss: the
    // identity activation leaves the output as it is, and both losses apply their activation and
    // clipping to it the same way whatever the activation (MCXENT clips only after a softmax, which
    // no output this small reaches), so only rounding separates this from the graph's own terms.
    INDArray[] outputs = graph.output(false, data.getFeatures());
    IActivation identity = new ActivationIdentity();
    double topic = new LossMCXENT().computeScore(data.getLabels(0), outputs[0], identity, null, true);
    double flag = new LossBinaryXENT().computeScore(data.getLabels(1), outputs[1], identity, null, true);

    assertEquals(1.0 * topic + 0.3 * flag, graph.score(data), 1e-5);
    assertNotEquals(topic + flag, graph.score(data), 1e-2);
  }

  @Test
  void theGradientIsTheWeightedSumOfEachOutputsGradient() {
    double topicWeight = 2.0;
    double flagWeight = 0.3;
    ComputationGraph weighted = graph(twoOutputs(topicWeight, flagWeight, DataType.DOUBLE));
    MultiDataSet data = data(30, 2, DataType.DOUBLE);
    // Each output alone, with its plain loss, on the weighted graph's parameters: the shared
    // layer's gradient sums both outputs' contributions, each output layer's is its own alone.
    ComputationGraph topicOnly = sameParameters(weighted, oneOutput("topic", new LossMCXENT()));
    ComputationGraph flagOnly = sameParameters(weighted, oneOutput("flag", new LossBinaryXENT()));

    Map<String, INDArray> expected = new HashMap<>();
    gradient(topicOnly, data.getFeatures(0), data.getLabels(0))
        .forEach((key, value) -> expected.merge(key, value.mul(topicWeight), INDArray::add));
    gradient(flagOnly, data.getFeatures(0), data.getLabels(1))
        .forEach((key, value) -> expected.merge(key, value.mul(flagWeight), INDArray::add));
    Map<String, INDArray> actual = gradient(weighted, data.getFeatures(0), data.getLabels());

    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((key, value) ->
        assertTrue(value.equalsWithEps(actual.get(key), 1e-10), key + ": " + value + " vs " + actual.get(key)));
  }

  @Test
  void eachMethodScalesTheWrappedLoss() {
    ILossFunction plain = new LossMCXENT();
    WeightedLoss weighted = WeightedLoss.of(new LossMCXENT(), 0.25);
    Nd4j.getRandom().setSeed(SEED);
    INDArray preOutput = Nd4j.randn(DataType.DOUBLE, 6, 3);
    INDArray labels = blobs(6, 3).getLabels(0).castTo(DataType.DOUBLE);
    IActivation softmax = new ActivationSoftmax();

    assertEquals(0.25 * plain.computeScore(labels, preOutput, softmax, null, true),
        weighted.computeScore(labels, preOutput, softmax, null, true), 1e-12);
    assertEquals(plain.computeScoreArray(labels, preOutput, softmax, null).mul(0.25),
        weighted.computeScoreArray(labels, preOutput, softmax, null));
    assertEquals(plain.computeGradient(labels, preOutput, softmax, null).mul(0.25),
        weighted.computeGradient(labels, preOutput, softmax, null));
    Pair<Double, INDArray> both = weighted.computeGradientAndScore(labels, preOutput, softmax, null, false);
    assertEquals(0.25 * plain.computeScore(labels, preOutput, softmax, null, false), both.getFirst(), 1e-12);
    assertEquals(plain.computeGradient(labels, preOutput, softmax, null).mul(0.25), both.getSecond());
    assertEquals("WeightedLoss(0.25 * LossMCXENT())", weighted.toString());
    assertEquals("0.25 * " + plain.name(), weighted.name());
  }

  @Test
  void theConfigurationJsonKeepsTheWeights() {
    ComputationGraphConfiguration conf = twoOutputs(1.0, 0.3, DataType.FLOAT);

    String json = conf.toJson();
    ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(json);

    assertTrue(json.contains(WeightedLoss.class.getName()), json);
    assertEquals(conf, back);
    assertEquals(WeightedLoss.of(new LossMCXENT(), 1.0), loss(back, "topic"));
    assertEquals(WeightedLoss.of(new LossBinaryXENT(), 0.3), loss(back, "flag"));
    assertNotEquals(WeightedLoss.of(new LossBinaryXENT(), 0.5), loss(back, "flag"));
  }

  @Test
  void aSavedGraphRestoresWithItsWeightsOutputsScoreAndTraining() throws IOException {
    ComputationGraph graph = graph(twoOutputs(1.0, 0.3, DataType.FLOAT));
    MultiDataSet train = data(40, 3, DataType.FLOAT);
    graph.fit(train);
    File file = folder.resolve("weighted.zip").toFile();

    ModelSerializer.writeModel(graph, file, true);
    ComputationGraph restored = ModelSerializer.restoreComputationGraph(file, true);

    MultiDataSet test = data(20, 4, DataType.FLOAT);
    assertArrayEquals(graph.output(test.getFeatures()), restored.output(test.getFeatures()));
    assertEquals(graph.score(test), restored.score(test));
    assertEquals(WeightedLoss.of(new LossBinaryXENT(), 0.3), loss(restored.getConfiguration(), "flag"));
    // The updater state came back too: one more step keeps the two identical.
    graph.fit(train);
    restored.fit(train);
    assertEquals(graph.params(), restored.params());
  }

  @Test
  void javaSerializationKeepsTheLossAndWeight() throws IOException, ClassNotFoundException {
    WeightedLoss loss = WeightedLoss.of(new LossBinaryXENT(), 0.3);
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
      out.writeObject(loss);
    }
    try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
      assertEquals(loss, in.readObject());
    }
  }

  @ParameterizedTest
  @ValueSource(doubles = {0.0, -0.0, -0.5, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
  void refusesAWeightThatIsNotPositiveAndFinite(double weight) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> WeightedLoss.of(new LossMCXENT(), weight));

    assertEquals("the weight of loss LossMCXENT() is " + weight
        + "; a loss weight must be positive and finite", e.getMessage());
  }

  /** One shared tanh layer over 4 features, feeding the topic and flag outputs. */
  private static ComputationGraphConfiguration twoOutputs(double topicWeight, double flagWeight,
      DataType type) {
    return shared(type)
        .addLayer("topic", topic(WeightedLoss.of(new LossMCXENT(), topicWeight)), "shared")
        .addLayer("flag", flag(WeightedLoss.of(new LossBinaryXENT(), flagWeight)), "shared")
        .setOutputs("topic", "flag")
        .build();
  }

  /** The same shared layer and one of the two outputs, with the loss given. */
  private static ComputationGraphConfiguration oneOutput(String output, ILossFunction loss) {
    return shared(DataType.DOUBLE)
        .addLayer(output, output.equals("topic") ? topic(loss) : flag(loss), "shared")
        .setOutputs(output)
        .build();
  }

  private static GraphBuilder shared(DataType type) {
    return new NeuralNetConfiguration.Builder().seed(SEED).dataType(type)
        .weightInit(WeightInit.XAVIER).updater(new Adam(0.01)).graphBuilder()
        .addInputs("in")
        .addLayer("shared", new DenseLayer.Builder().nIn(4).nOut(5).activation(Activation.TANH).build(), "in");
  }

  private static OutputLayer topic(ILossFunction loss) {
    return new OutputLayer.Builder(loss).nIn(5).nOut(3).activation(Activation.SOFTMAX).build();
  }

  private static OutputLayer flag(ILossFunction loss) {
    return new OutputLayer.Builder(loss).nIn(5).nOut(1).activation(Activation.SIGMOID).build();
  }

  private static ComputationGraph graph(ComputationGraphConfiguration conf) {
    ComputationGraph graph = new ComputationGraph(conf);
    graph.init();
    return graph;
  }

  /** A graph of {@code conf} whose layers hold the parameters of the same-named layers of {@code source}. */
  private static ComputationGraph sameParameters(ComputationGraph source, ComputationGraphConfiguration conf) {
    ComputationGraph graph = graph(conf);
    graph.paramTable().keySet().forEach(key -> graph.setParam(key, source.getParam(key)));
    for (String key : graph.paramTable().keySet()) {
      assertEquals(source.getParam(key), graph.getParam(key), key);
    }
    return graph;
  }

  /** The gradient of the score for every parameter, by name ({@code shared_W}, ...), copied. */
  private static Map<String, INDArray> gradient(ComputationGraph graph, INDArray features,
      INDArray... labels) {
    graph.setInputs(features);
    graph.setLabels(labels);
    graph.computeGradientAndScore();
    Map<String, INDArray> gradient = new HashMap<>();
    graph.gradient().gradientForVariable().forEach((key, value) -> gradient.put(key, value.dup()));
    return gradient;
  }

  /** The loss of the output layer {@code name}. */
  private static ILossFunction loss(ComputationGraphConfiguration conf, String name) {
    return ((OutputLayer) ((LayerVertex) conf.getVertices().get(name)).getLayerConf().getLayer()).getLossFn();
  }

  /**
   * Blobs (see {@link SmallData#blobs}) labelled twice: the topic is the blob, the flag whether the
   * features' sum exceeds 3.5 (noisy, so neither output fits perfectly), in the graph's data type.
   */
  private static MultiDataSet data(int rows, long seed, DataType type) {
    MultiDataSet blobs = blobs(rows, seed);
    Random random = new Random(seed);
    INDArray flag = Nd4j.create(DataType.FLOAT, rows, 1);
    for (int i = 0; i < rows; i++) {
      double sum = blobs.getFeatures(0).getRow(i).sumNumber().doubleValue() + random.nextGaussian();
      flag.putScalar(i, 0, sum > 3.5 ? 1 : 0);
    }
    return new MultiDataSet(new INDArray[] {blobs.getFeatures(0).castTo(type)},
        new INDArray[] {blobs.getLabels(0).castTo(type), flag.castTo(type)});
  }
}

package dev.deepbuild.runtime.network;

import static dev.deepbuild.runtime.network.MultiHotRows.assertClose;
import static dev.deepbuild.runtime.network.MultiHotRows.indices;
import static dev.deepbuild.runtime.network.MultiHotRows.multiHot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.nd4j.linalg.api.buffer.DataType.FLOAT;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Two multi-hot texts concatenated into a dense layer: as word indices through {@link
 * MultiHotConcat} and {@link MultiHotDense}, the same outputs, gradients and training as DL4J's
 * merge and dense layer on the 0/1 rows, with the same weights from the same seed.
 */
class MultiHotConcatTest {
  private static final int TITLE_WORDS = 6;
  private static final int BODY_WORDS = 9;
  /** Each row's title words and body words; row 1 has no title, row 3 no body. */
  private static final int[][] TITLES = {{0, 5}, {}, {1, 2, 3}, {4}, {5}};
  private static final int[][] BODIES = {{2, 8}, {0, 1, 2, 3, 4, 5, 6}, {7}, {}, {3, 8}};

  @Test
  void startsFromTheDenseLayersWeightsAndGivesItsOutputs() {
    ComputationGraph dense = graph(false);
    ComputationGraph sparse = graph(true);
    assertEquals(dense.params(), sparse.params());
    assertClose(dense.outputSingle(titleRows(), bodyRows()),
        sparse.outputSingle(indices(TITLES, FLOAT), indices(BODIES, FLOAT)), "outputs");
  }

  @Test
  void givesTheDenseLayersGradientsAndTrainsAsIt() {
    ComputationGraph dense = graph(false);
    ComputationGraph sparse = graph(true);
    MultiDataSet rows = new MultiDataSet(
        new INDArray[] {titleRows(), bodyRows()},
        new INDArray[] {labels()});
    MultiDataSet words = new MultiDataSet(
        new INDArray[] {indices(TITLES, FLOAT), indices(BODIES, FLOAT)},
        new INDArray[] {labels()});

    dense.setInputs(rows.getFeatures());
    dense.setLabels(rows.getLabels());
    dense.computeGradientAndScore();
    sparse.setInputs(words.getFeatures());
    sparse.setLabels(words.getLabels());
    sparse.computeGradientAndScore();
    assertEquals(dense.score(), sparse.score(), 1e-6);
    Map<String, INDArray> expected = dense.gradient().gradientForVariable();
    Map<String, INDArray> actual = sparse.gradient().gradientForVariable();
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((name, gradient) -> assertClose(gradient, actual.get(name), name));

    for (int step = 0; step < 5; step++) {
      dense.fit(rows);
      sparse.fit(words);
    }
    assertClose(dense.params(), sparse.params(), "parameters after 5 steps");
  }

  @Test
  void itsInputsTakeWordIndicesAndItsConfigurationRoundTrips() {
    ComputationGraphConfiguration conf = conf(true);
    NetworkConfiguration network = NetworkConfiguration.of(conf);
    assertTrue(network.takesTokenIndices(0));
    assertTrue(network.takesTokenIndices(1));
    assertEquals(conf, ComputationGraphConfiguration.fromJson(conf.toJson()));
    assertEquals(new MultiHotConcat(TITLE_WORDS, BODY_WORDS), conf.getVertices().get("features"));
  }

  @Test
  void refusesAnIndexBeyondItsInputsWidth() {
    INDArray tooLarge = indices(TITLES, FLOAT);
    tooLarge.putScalar(0, 0, TITLE_WORDS);
    ComputationGraph sparse = graph(true);
    assertThrows(IllegalArgumentException.class,
        () -> sparse.outputSingle(tooLarge, indices(BODIES, FLOAT)));
    assertThrows(IllegalArgumentException.class, () -> new MultiHotConcat(TITLE_WORDS));
  }

  private static ComputationGraph graph(boolean sparse) {
    ComputationGraph graph = new ComputationGraph(conf(sparse));
    graph.init();
    return graph;
  }

  private static ComputationGraphConfiguration conf(boolean sparse) {
    return new NeuralNetConfiguration.Builder()
        .seed(7)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new RmsProp(0.01))
        .graphBuilder()
        .addInputs("title", "body")
        .setInputTypes(InputType.feedForward(TITLE_WORDS), InputType.feedForward(BODY_WORDS))
        .addVertex("features", sparse ? new MultiHotConcat(TITLE_WORDS, BODY_WORDS)
            : new MergeVertex(), "title", "body")
        .addLayer("hidden", (sparse ? new MultiHotDense.Builder() : new DenseLayer.Builder())
            .nOut(5).activation(Activation.RELU).build(), "features")
        .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "hidden")
        .setOutputs("out")
        .build();
  }

  private static INDArray titleRows() {
    return multiHot(TITLES, TITLE_WORDS, FLOAT);
  }

  private static INDArray bodyRows() {
    return multiHot(BODIES, BODY_WORDS, FLOAT);
  }

  private static INDArray labels() {
    INDArray labels = Nd4j.zeros(DataType.FLOAT, TITLES.length, 3);
    for (int r = 0; r < TITLES.length; r++) {
      labels.putScalar(r, r % 3, 1);
    }
    return labels;
  }

}

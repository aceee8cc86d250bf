package dev.deepbuild.runtime.network;

import static dev.deepbuild.runtime.network.MultiHotRows.assertClose;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.constraint.MaxNormConstraint;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * {@link MultiHotDense} against DL4J's own {@link DenseLayer} on the same weights and the same
 * multi-hot rows: the same outputs, gradients and updates, within float rounding.
 */
class MultiHotDenseTest {
  private static final int WORDS = 50;
  private static final long SEED = 11;
  /** Each row's words; row 1 has none. */
  private static final int[][] TEXTS = {
    {1, 5, 7}, {}, {0, 49}, {3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 20, 30, 40}, {2}, {7, 8, 9}};

  @TempDir Path folder;

  @Test
  void startsFromTheDenseLayersWeights() {
    assertEquals(dense(DataType.FLOAT).params(), sparse(DataType.FLOAT).params());
  }

  @Test
  void givesTheDenseLayersOutputsOnAPaddedBatchWithAnEmptyRow() {
    for (DataType type : new DataType[] {DataType.FLOAT, DataType.DOUBLE}) {
      INDArray dense = dense(type).output(multiHot(type));
      INDArray sparse = sparse(type).output(indices(type));
      assertClose(dense, sparse, type + " outputs");
    }
  }

  @Test
  void givesTheDenseLayersGradientsAndScore() {
    MultiLayerNetwork dense = dense(DataType.FLOAT);
    MultiLayerNetwork sparse = sparse(DataType.FLOAT);
    dense.setInput(multiHot(DataType.FLOAT));
    dense.setLabels(labels(DataType.FLOAT));
    dense.computeGradientAndScore();
    sparse.setInput(indices(DataType.FLOAT));
    sparse.setLabels(labels(DataType.FLOAT));
    sparse.computeGradientAndScore();

    assertEquals(dense.score(), sparse.score(), 1e-6);
    Map<String, INDArray> expected = dense.gradient().gradientForVariable();
    Map<String, INDArray> actual = sparse.gradient().gradientForVariable();
    assertEquals(expected.keySet(), actual.keySet());
    for (String param : expected.keySet()) {
      assertClose(expected.get(param), actual.get(param), param);
    }
    assertEquals(0, actual.get("0_W").getRow(45).norm1Number().doubleValue(),
        "no text has word 45");
  }

  @Test
  void trainsAsTheDenseLayerWithItsPenaltiesAndConstraint() {
    MultiLayerNetwork dense = dense(DataType.FLOAT);
    MultiLayerNetwork sparse = sparse(DataType.FLOAT);
    for (int step = 0; step < 5; step++) {
      dense.fit(multiHot(DataType.FLOAT), labels(DataType.FLOAT));
      sparse.fit(indices(DataType.FLOAT), labels(DataType.FLOAT));
    }

    assertClose(dense.params(), sparse.params(), "parameters after 5 steps");
    assertClose(dense.output(multiHot(DataType.FLOAT)), sparse.output(indices(DataType.FLOAT)),
        "outputs after 5 steps");
  }

  @Test
  void takesRowsOfALargerMatrixAsMinibatchesDo() {
    INDArray all = indices(DataType.FLOAT);
    INDArray view = all.get(NDArrayIndex.interval(2, 5), NDArrayIndex.all());
    INDArray expected = dense(DataType.FLOAT)
        .output(multiHot(DataType.FLOAT).get(NDArrayIndex.interval(2, 5), NDArrayIndex.all()));

    assertClose(expected, sparse(DataType.FLOAT).output(view), "a view's outputs");
  }

  @Test
  void aMinibatchInTheArrayOfTheLastOneIsReadAgain() {
    // Minibatches gathered into one reused array, as the training path hands them out.
    INDArray first = indices(DataType.FLOAT);
    INDArray second = first.dup();
    second.putScalar(0, 0, 2);
    second.putScalar(2, 1, 48);
    INDArray reused = first.dup();
    MultiLayerNetwork inPlace = sparse(DataType.FLOAT);
    MultiLayerNetwork fresh = sparse(DataType.FLOAT);

    inPlace.fit(reused, labels(DataType.FLOAT));
    fresh.fit(first.dup(), labels(DataType.FLOAT));
    reused.assign(second);
    inPlace.fit(reused, labels(DataType.FLOAT));
    fresh.fit(second.dup(), labels(DataType.FLOAT));

    assertEquals(fresh.params(), inPlace.params());
    assertEquals(fresh.output(second), inPlace.output(reused));
  }

  @Test
  void theSameSeedGivesTheSameBits() {
    MultiLayerNetwork first = sparse(DataType.FLOAT);
    MultiLayerNetwork second = sparse(DataType.FLOAT);
    for (int step = 0; step < 3; step++) {
      first.fit(indices(DataType.FLOAT), labels(DataType.FLOAT));
      second.fit(indices(DataType.FLOAT), labels(DataType.FLOAT));
    }

    assertEquals(first.params(), second.params());
  }

  @Test
  void roundTripsThroughItsModelFile() throws IOException {
    NetworkConfiguration conf = NetworkConfiguration.of(conf(true, DataType.FLOAT));
    TrainableNetwork net = conf.create(SEED);
    INDArray[] features = {indices(DataType.FLOAT)};
    INDArray[] labels = {labels(DataType.FLOAT)};
    net.fit(features, labels);
    Path file = folder.resolve("model.zip");

    net.save(file, Optional.empty());

    TrainableNetwork loaded = Networks.load(file);
    assertInstanceOf(MultiHotDense.class, loaded.layers().get(0).conf());
    assertArrayEquals(net.output(features), loaded.output(features));
    assertEquals(conf.toJson(), loaded.configuration().toJson());
    assertTrue(loaded.configuration().takesTokenIndices(0));
    assertEquals(WORDS * 8 + 8, loaded.layers().get(0).params());
  }

  @Test
  void refusesDenseRowsAndDropoutOnItsInput() {
    MultiLayerNetwork sparse = sparse(DataType.FLOAT);
    INDArray notIndices = Nd4j.createFromArray(new float[][] {{0.5f, -1}});
    assertThrows(IllegalArgumentException.class, () -> sparse.output(notIndices));
    INDArray tooLarge = Nd4j.createFromArray(new float[][] {{WORDS, -1}});
    assertThrows(IllegalArgumentException.class, () -> sparse.output(tooLarge));
    // A dense 0/1 row read as indices repeats 0: refused rather than summed.
    assertThrows(IllegalArgumentException.class, () -> sparse.output(multiHot(DataType.FLOAT)));
    assertThrows(IllegalArgumentException.class,
        () -> new MultiHotDense.Builder().nIn(WORDS).nOut(8).dropOut(0.5).build());
  }

  private static MultiLayerNetwork dense(DataType type) {
    return network(conf(false, type));
  }

  private static MultiLayerNetwork sparse(DataType type) {
    return network(conf(true, type));
  }

  private static MultiLayerNetwork network(MultiLayerConfiguration conf) {
    Nd4j.getRandom().setSeed(SEED);
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return net;
  }

  private static MultiLayerConfiguration conf(boolean sparse, DataType type) {
    FeedForwardLayer.Builder<?> first = sparse ? new MultiHotDense.Builder()
        : new DenseLayer.Builder();
    return new NeuralNetConfiguration.Builder()
        .seed(SEED)
        .dataType(type)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new Adam(0.05))
        .list()
        .setInputType(InputType.feedForward(WORDS))
        .layer(first.name("words").nOut(8).activation(Activation.TANH)
            .l1(1e-3).l2(2e-3)
            .constrainWeights(new MaxNormConstraint(0.5, 0))
            .build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(3)
            .activation(Activation.SOFTMAX).build())
        .build();
  }

  private static INDArray multiHot(DataType type) {
    return MultiHotRows.multiHot(TEXTS, WORDS, type);
  }

  private static INDArray indices(DataType type) {
    return MultiHotRows.indices(TEXTS, type);
  }

  private static INDArray labels(DataType type) {
    INDArray labels = Nd4j.zeros(type, TEXTS.length, 3);
    for (int r = 0; r < TEXTS.length; r++) {
      labels.putScalar(r, r % 3, 1);
    }
    return labels;
  }

}

package dev.deepbuild.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.network.GraphNetwork;
import dev.deepbuild.runtime.network.SequentialNetwork;
import dev.deepbuild.runtime.network.TrainableNetwork;
import dev.deepbuild.runtime.network.EpochFit;
import dev.deepbuild.build.spark.Spark;
import dev.deepbuild.runtime.train.TrainingBackends;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Real DL4J networks trained on Spark in this JVM ({@code local[*]}). */
class SparkEpochFitsTest {
  private static final int BATCH = 16;
  private static final long SEED = 42;
  private static final SparkSettings LOCAL = new SparkSettings("local[*]", 2, "");

  @Test
  void aSequentialNetworkLearnsOnSparkAndKeepsTheEpochLoopsCount() {
    MultiLayerNetwork dl4j = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(SEED)
        .updater(new Adam(0.01)).list()
        .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(8).nOut(1)
            .activation(Activation.IDENTITY).build())
        .build());
    dl4j.init();
    trainsThreeEpochs(new SequentialNetwork(dl4j));
  }

  @Test
  void aGraphLearnsOnSpark() {
    ComputationGraph dl4j = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(SEED)
        .updater(new Adam(0.01)).graphBuilder().addInputs("in")
        .addLayer("hidden", new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU)
            .build(), "in")
        .addLayer("out", new OutputLayer.Builder(LossFunction.MSE).nIn(8).nOut(1)
            .activation(Activation.IDENTITY).build(), "hidden")
        .setOutputs("out").build());
    dl4j.init();
    trainsThreeEpochs(new GraphNetwork(dl4j));
  }

  @Test
  void theBackendIsFoundByItsName() {
    System.setProperty(TrainingBackends.PROPERTY, Spark.BACKEND);
    try {
      assertInstanceOf(SparkBackend.class, TrainingBackends.selected().orElseThrow());
    } finally {
      System.clearProperty(TrainingBackends.PROPERTY);
    }
  }

  /**
   * The loss falls, the parameters come back into the network the loop holds, and its epoch count
   * is the loop's alone (DL4J's Spark fit counts an epoch of its own).
   */
  private static void trainsThreeEpochs(TrainableNetwork network) {
    MultiDataSet data = sums(320);
    double before = network.score(data);
    INDArray initial = network.parameters();
    EpochFit fit = network.accept(new SparkEpochFits(SparkContexts.shared(LOCAL), LOCAL, BATCH,
        SEED));
    Batches.Epochs epochs = Batches.inMemory(data).shuffled(BATCH, SEED);
    int[] fitted = {0};
    for (int epoch = 0; epoch < 3; epoch++) {
      fit.epoch(epochs, rows -> fitted[0] = rows);
      network.endEpoch();
    }
    assertEquals(320, fitted[0]);
    assertTrue(network.score(data) < before / 2,
        "loss " + before + " -> " + network.score(data));
    assertTrue(!initial.equals(network.parameters()));
    assertEquals(3, epochCount(network));
  }

  private static int epochCount(TrainableNetwork network) {
    return network.accept(new dev.deepbuild.runtime.network.Dl4jNetworks<Integer>() {
      @Override
      public Integer sequential(MultiLayerNetwork net) {
        return net.getEpochCount();
      }

      @Override
      public Integer graph(ComputationGraph graph) {
        return graph.getEpochCount();
      }
    });
  }

  /** Four features in [0, 1) and their sum. */
  private static MultiDataSet sums(int rows) {
    Nd4j.getRandom().setSeed(SEED);
    INDArray features = Nd4j.rand(DataType.FLOAT, rows, 4);
    return new MultiDataSet(features, features.sum(1).reshape(rows, 1));
  }
}

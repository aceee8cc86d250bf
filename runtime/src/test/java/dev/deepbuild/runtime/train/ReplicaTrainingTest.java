package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.ReplicaTraining;
import dev.deepbuild.runtime.network.SequentialNetwork;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Training an epoch on replicas of a network at once, with DL4J's ParallelWrapper. */
class ReplicaTrainingTest {

  @Test
  void twoReplicasTrainTheNetworkOnEveryMinibatch() {
    AtomicInteger rows = new AtomicInteger();
    INDArray once = trained(2, rows);

    assertEquals(200, rows.get(), "every row was handed out, and progress counted it");
    assertNotEquals(untrained(), once, "the averaged replicas' parameters reached the network");
  }

  @Test
  void averagingReplicasIsNotTheSameTrainingAsOneModel() {
    INDArray one = trained(1, new AtomicInteger());
    INDArray two = trained(2, new AtomicInteger());
    assertNotEquals(one, two);
    assertTrue(one.sub(two).norm2Number().doubleValue() > 0);
  }

  @Test
  void twoReplicasTrainAGraphOfTwoInputsAndTwoOutputs() {
    AtomicInteger rows = new AtomicInteger();
    TrainableNetwork graph = graph(true);
    INDArray untrained = graph.parameters();

    twoEpochs(graph, 2, Batches.inMemory(twoInputs(true)), rows);

    assertEquals(200, rows.get(), "every row was handed out, and progress counted it");
    assertNotEquals(untrained, graph.parameters(), "the averaged replicas reached the graph");
    INDArray[] outputs = graph.output(twoInputs(true).getFeatures());
    assertEquals(2, outputs.length);
    assertTrue(accuracy(outputs[0], twoInputs(true).getLabels(0)) > 0.9,
        "the class from the first input was learnt: " + outputs[0]);
  }

  @Test
  void theEpochLoopTrainsAGraphOnReplicasWhenTheBuildAsksForThem() {
    String before = System.getProperty(ComputeSettings.WORKERS_PROPERTY);
    System.setProperty(ComputeSettings.WORKERS_PROPERTY, "2");
    try {
      List<String> log = new ArrayList<>();
      ModelSpec spec = ModelSpec.builder("graph").seed(3).data(CsvSource.file("unused.csv"))
          .classification(2).epochs(6).batchSize(16).build();
      TrainingRun run = new EpochLoop(spec, new MetricsEvaluator(Task.CLASSIFICATION),
          Metric.ACCURACY, log::add).run(graph(false), twoInputs(false),
          Optional.of(twoInputs(false)));

      assertEquals(6, run.history().size(), String.join("\n", log));
      assertTrue(run.kept().validation().get(Metric.ACCURACY) > 0.9, run.toString());
    } finally {
      if (before == null) {
        System.clearProperty(ComputeSettings.WORKERS_PROPERTY);
      } else {
        System.setProperty(ComputeSettings.WORKERS_PROPERTY, before);
      }
    }
  }

  private static INDArray trained(int workers, AtomicInteger rows) {
    TrainableNetwork net = network();
    twoEpochs(net, workers, Batches.inMemory(data()), rows);
    return net.parameters();
  }

  /** Two epochs of {@code data} on {@code workers} replicas of {@code net}. */
  private static void twoEpochs(TrainableNetwork net, int workers, Batches data,
      AtomicInteger rows) {
    Batches.Epochs epochs = data.shuffled(16, 7);
    for (int epoch = 0; epoch < 2; epoch++) {
      rows.set(0);
      ReplicaTraining.of(net, workers)
          .orElse((batches, progress) -> batches.nextEpoch(net::fit, progress))
          .epoch(epochs, rows::set);
    }
  }

  private static INDArray untrained() {
    return network().parameters();
  }

  private static TrainableNetwork network() {
    MultiLayerNetwork net = new MultiLayerNetwork(Networks.dense(42, 4, 8, 2, Activation.SOFTMAX,
        LossFunction.MCXENT, 1));
    net.init();
    return new SequentialNetwork(net);
  }

  /**
   * A functional model: inputs {@code a} (4 wide) and {@code b} (3 wide), a dense layer on each,
   * merged, under a softmax output and, with {@code value}, a regression output too.
   */
  private static TrainableNetwork graph(boolean value) {
    ComputationGraphConfiguration.GraphBuilder graph = new NeuralNetConfiguration.Builder()
        .seed(3).weightInit(WeightInit.XAVIER).updater(new Adam(0.02)).graphBuilder()
        .addInputs("a", "b")
        .addLayer("left", dense(4), "a")
        .addLayer("right", dense(3), "b")
        .addVertex("merge", new MergeVertex(), "left", "right")
        .addLayer("class", new OutputLayer.Builder(LossFunction.MCXENT).nIn(16).nOut(2)
            .activation(Activation.SOFTMAX).build(), "merge");
    if (value) {
      graph.addLayer("value", new OutputLayer.Builder(LossFunction.MSE).nIn(16).nOut(1)
          .activation(Activation.IDENTITY).build(), "merge").setOutputs("class", "value");
    } else {
      graph.setOutputs("class");
    }
    return NetworkConfiguration.of(graph.build()).create(3);
  }

  private static DenseLayer dense(int inputs) {
    return new DenseLayer.Builder().nIn(inputs).nOut(8).activation(Activation.RELU).build();
  }

  /**
   * The rows of {@link #data}, with a second input of noise and, with {@code value}, the sum of
   * the first input's values as second output.
   */
  private static MultiDataSet twoInputs(boolean value) {
    MultiDataSet one = data();
    INDArray[] features = {one.getFeatures(0), Nd4j.rand(DataType.FLOAT, 200, 3)};
    return new MultiDataSet(features, value
        ? new INDArray[] {one.getLabels(0), one.getFeatures(0).sum(true, 1)}
        : new INDArray[] {one.getLabels(0)});
  }

  private static double accuracy(INDArray probabilities, INDArray labels) {
    INDArray predicted = probabilities.argMax(1);
    INDArray actual = labels.argMax(1);
    return predicted.eq(actual).castTo(DataType.FLOAT).meanNumber().doubleValue();
  }

  /** Two separable classes of 100 rows each. */
  private static MultiDataSet data() {
    Nd4j.getRandom().setSeed(1);
    INDArray features = Nd4j.rand(DataType.FLOAT, 200, 4);
    INDArray labels = Nd4j.zeros(DataType.FLOAT, 200, 2);
    for (int row = 0; row < 200; row++) {
      int label = row % 2;
      labels.putScalar(row, label, 1);
      features.putScalar(row, 0, features.getFloat(row, 0) + 2 * label);
    }
    return new MultiDataSet(features, labels);
  }
}

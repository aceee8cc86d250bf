package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import dev.deepbuild.runtime.model.EarlyStoppingSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.ScheduleSpec;
import dev.deepbuild.runtime.network.GraphNetwork;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.SequentialNetwork;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The epoch loop trains a graph through the same seam as a sequential network. ({@code Networks}
 * here is the test's configurations; the runtime's loader is named in full.)
 */
class GraphTrainingTest {
  private final MetricsEvaluator evaluator = new MetricsEvaluator(Task.CLASSIFICATION);

  @TempDir Path folder;

  @Test
  void aOnePathGraphHasTheLearningCurveOfItsSequentialNetwork() {
    // toComputationGraph keeps the weights (and may share them): each trains its own network.
    TrainableNetwork graph = new GraphNetwork(sequential().toComputationGraph());
    MultiLayerNetwork net = sequential();
    ModelSpec spec = spec().learningRateSchedule(ScheduleSpec.step(3)).build();

    List<EpochRecord> sequential = loop(spec, new ArrayList<>())
        .run(new SequentialNetwork(net), data(60, 1), Optional.of(data(30, 2))).history();
    List<EpochRecord> graphs = loop(spec, new ArrayList<>())
        .run(graph, data(60, 1), Optional.of(data(30, 2))).history();

    assertEquals(sequential.size(), graphs.size());
    for (int e = 0; e < sequential.size(); e++) {
      for (Metric metric : sequential.get(e).validation().keySet()) {
        assertEquals(sequential.get(e).validation().get(metric), graphs.get(e).validation().get(metric),
            1e-4, "epoch " + (e + 1) + " val_" + metric.key());
        assertEquals(sequential.get(e).training().get(metric), graphs.get(e).training().get(metric),
            1e-4, "epoch " + (e + 1) + " " + metric.key());
      }
    }
  }

  @Test
  void aBranchingGraphTrainsWithEarlyStoppingSchedulesAndCheckpoints() throws IOException {
    List<String> log = new ArrayList<>();
    TrainableNetwork graph = NetworkConfiguration.of(new NeuralNetConfiguration.Builder().seed(5)
        .weightInit(WeightInit.XAVIER).updater(new Adam(0.02)).graphBuilder()
        .addInputs("in")
        .addLayer("left", new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.RELU).build(), "in")
        .addLayer("right", new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.TANH).build(), "in")
        .addVertex("merge", new MergeVertex(), "left", "right")
        .addLayer("output", new OutputLayer.Builder(LossFunction.MCXENT).nIn(12).nOut(3)
            .activation(Activation.SOFTMAX).build(), "merge")
        .setOutputs("output").build()).create(5);
    ModelSpec spec = spec().epochs(40)
        .earlyStopping(EarlyStoppingSpec.on(Metric.LOSS).patience(3).minDelta(0.001))
        .learningRateSchedule(ScheduleSpec.exponential().factor(0.9))
        .build();
    Path checkpoints = folder.resolve("checkpoints");

    TrainingRun run = loop(spec, log).run(graph, data(60, 1), Optional.of(data(30, 2)),
        Optional.of(new Checkpoints("graph", checkpoints, Optional.empty(), Optional.empty())));

    assertTrue(run.kept().validation().get(Metric.ACCURACY) >= 0.9, run.toString());
    // The kept epoch's weights are the graph's, as for a sequential network.
    assertEquals(run.kept().validation(), evaluator.evaluate(graph, data(30, 2)));
    assertTrue(log.contains("graph: learning rate 0.0180000 from epoch 2"), String.join("\n", log));
    TrainableNetwork best = dev.deepbuild.runtime.network.Networks.load(checkpoints.resolve("best.zip"));
    assertInstanceOf(GraphNetwork.class, best);
    assertEquals(run.kept().validation(), evaluator.evaluate(best, data(30, 2)));
  }

  private static MultiLayerNetwork sequential() {
    MultiLayerNetwork net = new MultiLayerNetwork(
        Networks.dense(5, 4, 12, 3, Activation.SOFTMAX, LossFunction.MCXENT, 1.0));
    net.init();
    return net;
  }

  private EpochLoop loop(ModelSpec spec, List<String> log) {
    return new EpochLoop(spec, evaluator, Metric.ACCURACY, log::add);
  }

  private static ModelSpec.Builder spec() {
    return ModelSpec.builder("graph").seed(5).data(CsvSource.file("unused.csv")).classification(3)
        .epochs(8).batchSize(10);
  }

  /** Three classes, each near its own axis of 4 features. */
  private static MultiDataSet data(int rows, long seed) {
    Random random = new Random(seed);
    INDArray features = Nd4j.create(rows, 4);
    INDArray labels = Nd4j.create(rows, 3);
    for (int i = 0; i < rows; i++) {
      int label = random.nextInt(3);
      for (int f = 0; f < 4; f++) {
        features.putScalar(i, f, (f == label ? 2 : 0) + random.nextGaussian() * 0.7);
      }
      labels.putScalar(i, label, 1);
    }
    return new MultiDataSet(features, labels);
  }
}

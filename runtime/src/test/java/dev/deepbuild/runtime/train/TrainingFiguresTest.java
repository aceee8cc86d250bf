package dev.deepbuild.runtime.train;

import dev.deepbuild.build.result.EpochRecord;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.eval.Evaluation;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.SequentialNetwork;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * An epoch's training figures come from the minibatches it fits, as Keras's do, and cost no pass
 * of their own over the training split; validation stays an inference-mode pass at the epoch's end.
 */
class TrainingFiguresTest {
  private static final long SEED = 7;
  private static final int ROWS = 120;

  @Test
  void oneFullBatchEpochReportsTheWeightsBeforeItsUpdate() {
    MultiDataSet train = blobs(ROWS, 1);
    MetricsEvaluator evaluator = evaluator(spec(ROWS, 1));
    // Without dropout a fresh network of the same seed computes what the epoch's one forward pass did.
    Map<Metric, Double> before = evaluator.evaluate(network(1.0, 0), train);

    TrainableNetwork net = network(1.0, 0);
    EpochRecord epoch = loop(spec(ROWS, 1)).run(net, train, Optional.empty()).history().get(0);

    assertEquals(before.get(Metric.LOSS), epoch.training().get(Metric.LOSS), 1e-6);
    assertEquals(before.get(Metric.ACCURACY), epoch.training().get(Metric.ACCURACY));
    // Not a measurement after the update, which an extra pass would have made.
    assertNotEquals(evaluator.evaluate(net, train).get(Metric.LOSS),
        epoch.training().get(Metric.LOSS), 1e-4);
  }

  @Test
  void aMinibatchsLossAndOutputsAreOfOneTrainingPassWithItsDropout() {
    MultiDataSet batch = blobs(64, 2);
    TrainableNetwork net = network(0.5, 0);
    double inference = net.score(batch);
    List<Double> losses = new ArrayList<>();
    List<Double> fromOutputs = new ArrayList<>();

    net.fit(batch.getFeatures(), batch.getLabels(), (loss, outputs) -> {
      losses.add(loss);
      fromOutputs.add(net.outputs().get(0).meanLoss(batch.getLabels(0), outputs[0]));
    });

    // The outputs carry the pass's dropout mask: the loss follows from them, not from inference.
    assertEquals(losses.get(0), fromOutputs.get(0), 1e-6);
    assertNotEquals(inference, losses.get(0), 1e-3);
  }

  @Test
  void theTrainingLossIncludesTheL2Penalty() {
    MultiDataSet batch = blobs(64, 3);
    TrainableNetwork net = network(1.0, 0.05);
    double[] figures = new double[2];

    net.fit(batch.getFeatures(), batch.getLabels(), (loss, outputs) -> {
      figures[0] = loss;
      figures[1] = net.outputs().get(0).meanLoss(batch.getLabels(0), outputs[0]);
    });

    assertTrue(figures[0] > figures[1] + 1e-3, figures[0] + " vs " + figures[1]);
  }

  @Test
  void aGraphReportsEachOutputOfItsTrainingPass() {
    MultiDataSet train = twoOutputData(ROWS);
    ModelSpec spec = twoOutputSpec();
    TrainableNetwork fresh = NetworkConfiguration.of(twoOutputs()).create(SEED);
    MetricsEvaluator evaluator = MetricsEvaluator.of(spec, fresh.outputs());
    Evaluation before = evaluator.measure(fresh, train);

    TrainableNetwork net = NetworkConfiguration.of(twoOutputs()).create(SEED);
    EpochRecord epoch = new EpochLoop(spec, evaluator, Metric.LOSS, line -> {})
        .run(net, train, Optional.empty()).history().get(0);

    assertEquals(before.metrics().get(Metric.LOSS), epoch.training().get(Metric.LOSS), 1e-6);
    for (String output : List.of("topic", "flag")) {
      assertEquals(before.outputs().get(output).get(Metric.LOSS),
          epoch.trainingOutputs().get(output).get(Metric.LOSS), 1e-6, output);
      assertEquals(before.outputs().get(output).get(Metric.ACCURACY),
          epoch.trainingOutputs().get(output).get(Metric.ACCURACY), output);
    }
  }

  @Test
  void anEpochMakesNoForwardPassOfItsOwnOverTheTrainingSplit() {
    Counted counted = new Counted(network(1.0, 0), true);
    loop(spec(16, 2)).run(counted.proxy, blobs(ROWS, 4), Optional.empty());

    assertEquals(0, counted.outputs.get());
    assertEquals(0, counted.scores.get());
  }

  @Test
  void aNetworkThatCannotTellItsTrainingPassIsMeasuredOncePerEpoch() {
    MultiDataSet train = blobs(ROWS, 5);
    Counted counted = new Counted(network(1.0, 0), false);
    TrainingRun run = loop(spec(16, 2)).run(counted.proxy, train, Optional.empty());

    // One forward pass per epoch (the split fits in one chunk), and no separate score pass.
    assertEquals(2, counted.outputs.get());
    assertEquals(0, counted.scores.get());
    Evaluation last = evaluator(spec(16, 2)).measure(counted.proxy, Batches.inMemory(train));
    assertEquals(last.metrics(), run.history().get(1).training());
  }

  @Test
  void validationIsMeasuredInInferenceModeAtTheEpochsEndAsDl4jScoresIt() {
    validationAsDl4jScoresIt(0);
  }

  @Test
  void theValidationLossIncludesTheL2PenaltyAsDl4jsScoreDoes() {
    validationAsDl4jScoresIt(0.05);
  }

  @Test
  void validationIsOneForwardPassPerChunkWithoutAScorePass() {
    Counted counted = new Counted(network(1.0, 0.01), true);
    loop(spec(16, 2)).run(counted.proxy, blobs(ROWS, 4), Optional.of(blobs(40, 9)));

    // Two epochs, each measuring the 40 validation rows in one chunk.
    assertEquals(2, counted.outputs.get());
    assertEquals(0, counted.scores.get());
  }

  @Test
  void aGraphsValidationLossIsItsScore() {
    MultiDataSet data = twoOutputData(ROWS);
    ModelSpec spec = twoOutputSpec();
    TrainableNetwork graph = NetworkConfiguration.of(twoOutputs()).create(SEED);

    Evaluation measured = MetricsEvaluator.of(spec, graph.outputs()).measure(graph, data);

    assertEquals(graph.score(data), measured.metrics().get(Metric.LOSS), 1e-12);
  }

  private static void validationAsDl4jScoresIt(double l2) {
    MultiDataSet train = blobs(ROWS, 6);
    MultiDataSet validation = blobs(40, 7);
    MultiLayerNetwork dl4j = new MultiLayerNetwork(conf(0.5, l2));
    dl4j.init();
    EpochRecord epoch = loop(spec(16, 1)).run(new SequentialNetwork(dl4j), train,
        Optional.of(validation)).history().get(0);

    DataSet data = new DataSet(validation.getFeatures(0), validation.getLabels(0));
    // Equal but for the rounding of weighting the chunk's mean by its rows and dividing again.
    assertEquals(dl4j.score(data, false), epoch.validation().get(Metric.LOSS), 1e-12);
    org.nd4j.evaluation.classification.Evaluation accuracy =
        new org.nd4j.evaluation.classification.Evaluation();
    accuracy.eval(data.getLabels(), dl4j.output(data.getFeatures(), false));
    assertEquals(accuracy.accuracy(), epoch.validation().get(Metric.ACCURACY));
  }

  /** A network that counts its inference-mode calls and may hide its training pass. */
  private static final class Counted {
    final AtomicInteger outputs = new AtomicInteger();
    final AtomicInteger scores = new AtomicInteger();
    final TrainableNetwork proxy;

    Counted(TrainableNetwork net, boolean tells) {
      proxy = (TrainableNetwork) Proxy.newProxyInstance(getClass().getClassLoader(),
          new Class<?>[] {TrainableNetwork.class}, (self, method, args) -> {
            switch (method.getName()) {
              case "output" -> outputs.incrementAndGet();
              case "score" -> scores.incrementAndGet();
              case "fit" -> {
                if (args.length == 3 && !tells) {
                  net.fit((INDArray[]) args[0], (INDArray[]) args[1]);
                  return null;
                }
              }
              default -> { }
            }
            try {
              return method.invoke(net, args);
            } catch (InvocationTargetException e) {
              throw e.getCause();
            }
          });
    }
  }

  private static EpochLoop loop(ModelSpec spec) {
    return new EpochLoop(spec, evaluator(spec), Metric.ACCURACY, line -> {});
  }

  private static MetricsEvaluator evaluator(ModelSpec spec) {
    return MetricsEvaluator.of(spec, List.of());
  }

  private static ModelSpec spec(int batchSize, int epochs) {
    return ModelSpec.builder("blobs").seed(SEED).data(CsvSource.file("unused.csv"))
        .classification(3).epochs(epochs).batchSize(batchSize).build();
  }

  private static TrainableNetwork network(double dropoutKept, double l2) {
    return NetworkConfiguration.of(conf(dropoutKept, l2)).create(SEED);
  }

  /** {@code 4 -> 16 (ReLU) -> dropout -> 3 (softmax)}, the dropout a layer of its own as DeepBuild writes it. */
  private static MultiLayerConfiguration conf(double dropoutKept, double l2) {
    NeuralNetConfiguration.ListBuilder list = new NeuralNetConfiguration.Builder().seed(SEED)
        .weightInit(WeightInit.XAVIER).updater(new Adam(0.05)).l2(l2).list()
        .layer(new DenseLayer.Builder().nIn(4).nOut(16).activation(Activation.RELU).build());
    if (dropoutKept < 1) {
      list.layer(new DropoutLayer.Builder(dropoutKept).nIn(16).nOut(16).build());
    }
    return list.layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(16).nOut(3)
        .activation(Activation.SOFTMAX).build()).build();
  }

  /** Three overlapping classes, each near 1 in one of the first three features. */
  private static MultiDataSet blobs(int rows, long seed) {
    Random random = new Random(seed);
    INDArray features = Nd4j.create(rows, 4);
    INDArray labels = Nd4j.create(rows, 3);
    for (int i = 0; i < rows; i++) {
      int label = random.nextInt(3);
      for (int f = 0; f < 4; f++) {
        features.putScalar(i, f, (f == label ? 1 : 0) + random.nextGaussian() * 0.7);
      }
      labels.putScalar(i, label, 1);
    }
    return new MultiDataSet(new INDArray[] {features}, new INDArray[] {labels});
  }

  private static ModelSpec twoOutputSpec() {
    return ModelSpec.builder("news").seed(SEED).data(CsvSource.file("unused.csv"))
        .output(OutputSpec.named("topic").classification(3))
        .output(OutputSpec.named("flag").classification(2))
        .epochs(1).batchSize(ROWS).build();
  }

  /**
   * A shared layer under a 3-way topic (softmax) and a yes/no flag (one sigmoid unit), with an L2
   * penalty.
   */
  private static ComputationGraphConfiguration twoOutputs() {
    return new NeuralNetConfiguration.Builder().seed(SEED).weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.05)).l2(0.01).graphBuilder()
        .addInputs("in")
        .addLayer("shared", new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.TANH)
            .build(), "in")
        .addLayer("topic", new OutputLayer.Builder(LossFunction.MCXENT).nIn(6).nOut(3)
            .activation(Activation.SOFTMAX).build(), "shared")
        .addLayer("flag", new OutputLayer.Builder(LossFunction.XENT).nIn(6).nOut(1)
            .activation(Activation.SIGMOID).build(), "shared")
        .setOutputs("topic", "flag")
        .build();
  }

  /** A topic (the largest of the first three features) and a flag (the sign of the fourth). */
  private static MultiDataSet twoOutputData(int rows) {
    Random random = new Random(8);
    INDArray features = Nd4j.create(rows, 4);
    INDArray topics = Nd4j.create(rows, 3);
    INDArray flags = Nd4j.create(rows, 1);
    for (int i = 0; i < rows; i++) {
      int topic = random.nextInt(3);
      for (int f = 0; f < 3; f++) {
        features.putScalar(i, f, (f == topic ? 1.5 : 0) + random.nextGaussian() * 0.6);
      }
      double fourth = random.nextGaussian();
      features.putScalar(i, 3, fourth);
      topics.putScalar(i, topic, 1);
      flags.putScalar(i, 0, fourth + random.nextGaussian() * 0.5 > 0 ? 1 : 0);
    }
    return new MultiDataSet(new INDArray[] {features}, new INDArray[] {topics, flags});
  }
}

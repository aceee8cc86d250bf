package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.ModelData;
import dev.deepbuild.runtime.data.PreparedData;
import dev.deepbuild.runtime.data.SplitIndices;
import dev.deepbuild.runtime.data.TableFeatures;
import dev.deepbuild.runtime.eval.Evaluation;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import dev.deepbuild.runtime.model.EarlyStoppingSpec;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.TrainableNetwork;
import dev.deepbuild.runtime.network.WeightedLoss;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The epoch loop trains a real DL4J graph of two inputs and two outputs from a {@link ModelData}
 * split into {@link PreparedData}: the topic is learnable from the first input only, the flag from
 * the second only, and both branches meet in a merge that feeds both outputs, so each output
 * reaches good accuracy only if every input and every label array reaches the network in its
 * place, row for row.
 */
class MultiOutputTrainingTest {
  private static final int ROWS = 500;
  private static final long SEED = 21;
  private static final SplitIndices SPLIT = new SplitIndices(IntStream.range(0, 300).toArray(),
      IntStream.range(300, 400).toArray(), IntStream.range(400, ROWS).toArray());

  private static final ModelSpec SPEC = ModelSpec.builder("news").seed(SEED)
      .data(CsvSource.file("unused.csv"))
      .input(InputSpec.named("words"))
      .input(InputSpec.named("numbers"))
      .output(OutputSpec.named("topic").classification(3))
      .output(OutputSpec.named("flag").classification(2))
      .epochs(12).batchSize(16)
      .build();

  @Test
  void bothOutputsLearnFromTheirOwnInputAndEveryEpochRecordsEachOutput() {
    List<String> log = new ArrayList<>();
    PreparedData data = PreparedData.of(data(), SPLIT, DataType.FLOAT, false);
    NetworkConfiguration conf = NetworkConfiguration.of(graph());
    TrainableNetwork net = conf.create(SEED);
    MetricsEvaluator evaluator = MetricsEvaluator.of(SPEC, conf.outputs());

    TrainingRun run = new EpochLoop(SPEC, evaluator, Metric.ACCURACY, log::add)
        .run(net, data.train(), data.validation());

    assertEquals(12, run.history().size());
    for (EpochRecord record : run.history()) {
      assertEquals(Set.of("topic", "flag"), record.trainingOutputs().keySet(), record.toString());
      assertEquals(Set.of("topic", "flag"), record.validationOutputs().keySet(), record.toString());
      for (Map<String, Map<Metric, Double>> outputs
          : List.of(record.trainingOutputs(), record.validationOutputs())) {
        outputs.values().forEach(values -> assertEquals(
            Set.of(Metric.LOSS, Metric.ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.F1),
            values.keySet()));
      }
      assertEquals(Set.of(Metric.LOSS), record.training().keySet());
      assertEquals(Set.of(Metric.LOSS), record.validation().keySet());
    }
    // Chance is 1/3 for the topic and about 1/2 for the flag.
    Map<String, Map<Metric, Double>> validation = run.kept().validationOutputs();
    assertTrue(validation.get("topic").get(Metric.ACCURACY) > 0.85, validation.toString());
    assertTrue(validation.get("flag").get(Metric.ACCURACY) > 0.85, validation.toString());
    Evaluation test = evaluator.measure(net, data.test().orElseThrow());
    assertTrue(test.outputs().get("topic").get(Metric.ACCURACY) > 0.85, test.toString());
    assertTrue(test.outputs().get("flag").get(Metric.ACCURACY) > 0.85, test.toString());
    // The first epoch's line shows the total loss, then each output's loss and accuracy.
    String first = log.stream().filter(line -> line.startsWith("news: epoch 1/12")).findFirst()
        .orElseThrow();
    for (String key : List.of(" - loss: ", " - topic_loss: ", " - topic_accuracy: ",
        " - flag_loss: ", " - flag_accuracy: ", " - val_loss: ", " - val_topic_accuracy: ",
        " - val_flag_accuracy: ")) {
      assertTrue(first.contains(key), key + " in " + first);
    }
  }

  @Test
  void theFlagDependsOnTheSecondInputOnly() {
    PreparedData data = PreparedData.of(data(), SPLIT, DataType.FLOAT, false);
    NetworkConfiguration conf = NetworkConfiguration.of(graph());
    TrainableNetwork net = conf.create(SEED);
    MetricsEvaluator evaluator = MetricsEvaluator.of(SPEC, conf.outputs());
    new EpochLoop(SPEC, evaluator, Metric.ACCURACY, line -> {})
        .run(net, data.train(), data.validation());
    MultiDataSet[] whole = new MultiDataSet[1];
    data.test().orElseThrow().inOrder(Integer.MAX_VALUE, chunk -> whole[0] = chunk);
    MultiDataSet test = whole[0];

    // The second input's rows in reverse order: each sample keeps its words but gets another's numbers.
    INDArray numbers = test.getFeatures(1);
    INDArray reversed = numbers.getRows(IntStream.range(0, (int) numbers.rows())
        .map(i -> (int) numbers.rows() - 1 - i).toArray());
    Evaluation mixed = evaluator.measure(net, new org.nd4j.linalg.dataset.MultiDataSet(
        new INDArray[] {test.getFeatures(0), reversed}, test.getLabels()));

    assertTrue(mixed.outputs().get("flag").get(Metric.ACCURACY) < 0.7, mixed.toString());
    assertTrue(mixed.outputs().get("topic").get(Metric.ACCURACY) > 0.85, mixed.toString());
  }

  @Test
  void theSameSeedTrainsTheSameHistoryAndAnotherSeedAnother() {
    List<EpochRecord> first = history(SEED);

    assertEquals(first, history(SEED));
    assertNotEquals(first, history(SEED + 1));
  }

  @Test
  void earlyStoppingOnOneOutputsMetricKeepsThatOutputsBestEpoch() {
    ModelSpec spec = ModelSpec.builder("news").seed(SEED).data(CsvSource.file("unused.csv"))
        .output(OutputSpec.named("topic").classification(3))
        .output(OutputSpec.named("flag").classification(2))
        .epochs(40).batchSize(16)
        .earlyStopping(EarlyStoppingSpec.on(Metric.ACCURACY).patience(2).onOutput("flag"))
        .build();
    List<String> log = new ArrayList<>();
    PreparedData data = PreparedData.of(data(), SPLIT, DataType.FLOAT, false);
    NetworkConfiguration conf = NetworkConfiguration.of(graph());

    TrainingRun run = new EpochLoop(spec, MetricsEvaluator.of(spec, conf.outputs()),
        Metric.ACCURACY, log::add).run(conf.create(SEED), data.train(), data.validation());

    // The run stops on the flag's validation accuracy, and keeps the epoch where it was highest.
    assertTrue(run.history().size() < 40, run.endedBy());
    assertTrue(run.endedBy().contains("val_flag_accuracy did not improve for 2 epochs"),
        run.endedBy());
    double kept = run.kept().validationOutputs().get("flag").get(Metric.ACCURACY);
    for (EpochRecord record : run.history()) {
      assertTrue(record.validationOutputs().get("flag").get(Metric.ACCURACY) <= kept, record.toString());
    }
    assertTrue(log.stream().anyMatch(line -> line.contains("best val_flag_accuracy")), log.toString());
  }

  private static List<EpochRecord> history(long seed) {
    PreparedData data = PreparedData.of(data(), SPLIT, DataType.FLOAT, false);
    NetworkConfiguration conf = NetworkConfiguration.of(graph());
    ModelSpec spec = ModelSpec.builder("news").seed(seed).data(CsvSource.file("unused.csv"))
        .output(OutputSpec.named("topic").classification(3))
        .output(OutputSpec.named("flag").classification(2))
        .epochs(3).batchSize(16).build();
    return new EpochLoop(spec, MetricsEvaluator.of(spec, conf.outputs()), Metric.ACCURACY,
        line -> {}).run(conf.create(seed), data.train(), data.validation()).history();
  }

  /**
   * {@code words} (4 features) and {@code numbers} (3) each into a dense branch, merged into a
   * 3-way topic (weight 1) and a yes/no flag (weight 0.5).
   */
  private static ComputationGraphConfiguration graph() {
    return new NeuralNetConfiguration.Builder().seed(SEED).weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.01)).graphBuilder()
        .addInputs("words", "numbers")
        .addLayer("fromWords", new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU).build(), "words")
        .addLayer("fromNumbers", new DenseLayer.Builder().nIn(3).nOut(8).activation(Activation.RELU).build(), "numbers")
        .addVertex("merged", new MergeVertex(), "fromWords", "fromNumbers")
        .addLayer("topic", new OutputLayer.Builder(WeightedLoss.of(new LossMCXENT(), 1.0)).nIn(16)
            .nOut(3).activation(Activation.SOFTMAX).build(), "merged")
        .addLayer("flag", new OutputLayer.Builder(WeightedLoss.of(new LossBinaryXENT(), 0.5))
            .nIn(16).nOut(1).activation(Activation.SIGMOID).build(), "merged")
        .setOutputs("topic", "flag")
        .build();
  }

  /**
   * The topic is the blob of the first input (its class's feature near 2, noise 0.6); the flag
   * whether the second input's first two features sum above 0.
   */
  private static ModelData data() {
    Random random = new Random(4);
    double[][] words = new double[ROWS][4];
    double[][] numbers = new double[ROWS][3];
    double[][] topics = new double[ROWS][3];
    double[][] flags = new double[ROWS][1];
    for (int i = 0; i < ROWS; i++) {
      int topic = random.nextInt(3);
      for (int f = 0; f < 4; f++) {
        words[i][f] = (f == topic ? 2 : 0) + random.nextGaussian() * 0.6;
      }
      for (int f = 0; f < 3; f++) {
        numbers[i][f] = random.nextGaussian();
      }
      topics[i][topic] = 1;
      flags[i][0] = numbers[i][0] + numbers[i][1] > 0 ? 1 : 0;
    }
    return new ModelData(List.of(TableFeatures.of(words), TableFeatures.of(numbers)),
        List.of(topics, flags));
  }
}

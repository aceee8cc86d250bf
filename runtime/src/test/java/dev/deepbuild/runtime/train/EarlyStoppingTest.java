package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import dev.deepbuild.runtime.model.EarlyStoppingSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.ScheduleSpec;
import dev.deepbuild.runtime.network.SequentialNetwork;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Early stopping on a network that overfits: few noisy samples, many weights and a high learning
 * rate make the validation loss turn up after a few epochs while the training loss keeps falling.
 */
class EarlyStoppingTest {
  private final List<String> log = new ArrayList<>();
  private final MetricsEvaluator evaluator = new MetricsEvaluator(Task.CLASSIFICATION);

  @Test
  void aMinimizedMetricKeepsTheEpochOfLowestValidationLoss() {
    MultiLayerNetwork net = network();
    TrainingRun run = loop(spec().earlyStopping(EarlyStoppingSpec.on(Metric.LOSS).patience(4)))
        .run(new SequentialNetwork(net), data(1), Optional.of(data(2)));

    assertTrue(run.history().size() < 80, "did not stop early: " + run.history().size());
    assertTrue(run.endedBy().startsWith("early stopping: val_loss did not improve for 4 epochs"));
    EpochRecord best = run.history().stream()
        .min(Comparator.comparingDouble(r -> r.validation().get(Metric.LOSS))).orElseThrow();
    assertEquals(best.epoch(), run.keptEpoch());
    assertEquals(run.history().size() - 4, run.keptEpoch());
    // The restored weights measure exactly what the kept epoch recorded.
    assertEquals(best.validation(), evaluator.evaluate(new SequentialNetwork(net), data(2)));
  }

  @Test
  void aMaximizedMetricKeepsTheEpochOfHighestValidationAccuracy() {
    MultiLayerNetwork net = network();
    TrainingRun run = loop(spec().earlyStopping(EarlyStoppingSpec.on(Metric.ACCURACY).patience(6)))
        .run(new SequentialNetwork(net), data(1), Optional.of(data(2)));

    double highest = run.history().stream()
        .mapToDouble(r -> r.validation().get(Metric.ACCURACY)).max().orElseThrow();
    int firstHighest = run.history().stream()
        .filter(r -> r.validation().get(Metric.ACCURACY) == highest).findFirst().orElseThrow().epoch();
    assertEquals(firstHighest, run.keptEpoch());
    assertTrue(run.keptEpoch() < run.history().size(), "kept the last epoch: " + run);
    assertEquals(run.kept().validation(), evaluator.evaluate(new SequentialNetwork(net), data(2)));
  }

  @Test
  void withoutRestoringTheLastEpochIsKept() {
    MultiLayerNetwork net = network();
    TrainingRun run = loop(spec().earlyStopping(
        EarlyStoppingSpec.on(Metric.LOSS).patience(4).restoreBestWeights(false)))
        .run(new SequentialNetwork(net), data(1), Optional.of(data(2)));

    assertEquals(run.history().size(), run.keptEpoch());
    assertEquals(run.kept().validation(), evaluator.evaluate(new SequentialNetwork(net), data(2)));
  }

  @Test
  void aStepScheduleHalvesTheRateEveryTwoEpochs() {
    MultiLayerNetwork net = network();
    loop(spec().epochs(5).learningRateSchedule(ScheduleSpec.step(2)))
        .run(new SequentialNetwork(net), data(1), Optional.of(data(2)));

    assertEquals(0.05 * 0.25, net.getLearningRate(0), 1e-12);
    assertEquals(List.of("noisy: learning rate 0.0250000 from epoch 3",
        "noisy: learning rate 0.0125000 from epoch 5"),
        log.stream().filter(line -> line.contains("learning rate")).toList());
  }

  @Test
  void aPlateauScheduleHalvesTheRateWhenValidationLossStalls() {
    MultiLayerNetwork net = network();
    loop(spec().epochs(30).learningRateSchedule(
        ScheduleSpec.onPlateau(Metric.LOSS, 3).minLearningRate(0.01)))
        .run(new SequentialNetwork(net), data(1), Optional.of(data(2)));

    List<String> reductions = log.stream().filter(line -> line.contains("learning rate")).toList();
    assertTrue(!reductions.isEmpty(), String.join("\n", log));
    assertEquals(Math.max(0.01, 0.05 * Math.pow(0.5, reductions.size())), net.getLearningRate(0), 1e-12);
  }

  private EpochLoop loop(ModelSpec.Builder spec) {
    return new EpochLoop(spec.build(), evaluator, Metric.ACCURACY, log::add);
  }

  private static ModelSpec.Builder spec() {
    return ModelSpec.builder("noisy").seed(9).data(CsvSource.file("unused.csv")).classification(2)
        .epochs(80).batchSize(8);
  }

  private static MultiLayerNetwork network() {
    Nd4j.getRandom().setSeed(9);
    MultiLayerNetwork net = new MultiLayerNetwork(
        Networks.dense(9, 10, 64, 2, Activation.SOFTMAX, LossFunction.MCXENT, 1.0));
    net.init();
    net.setLearningRate(0.05);
    return net;
  }

  /** 40 samples of 10 features whose class follows the first feature, with 30% of labels flipped. */
  private static MultiDataSet data(long seed) {
    Random random = new Random(seed);
    INDArray features = Nd4j.create(40, 10);
    INDArray labels = Nd4j.create(40, 2);
    for (int i = 0; i < 40; i++) {
      for (int f = 0; f < 10; f++) {
        features.putScalar(i, f, random.nextGaussian());
      }
      int label = features.getDouble(i, 0) > 0 ? 1 : 0;
      if (random.nextDouble() < 0.3) {
        label = 1 - label;
      }
      labels.putScalar(i, label, 1);
    }
    return new MultiDataSet(features, labels);
  }
}

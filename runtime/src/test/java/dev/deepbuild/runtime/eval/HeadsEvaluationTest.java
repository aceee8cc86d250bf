package dev.deepbuild.runtime.eval;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.TrainableNetwork;
import dev.deepbuild.runtime.network.WeightedLoss;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * The metrics of a real DL4J graph of two outputs over one shared layer: a 3-way topic (softmax,
 * MCXENT, loss weight 1) and a yes/no flag (one sigmoid unit, XENT, loss weight 0.3), each output
 * measured on its own as Keras's {@code topic_loss} and {@code flag_accuracy} are.
 */
class HeadsEvaluationTest {
  private static final long SEED = 13;
  private static final double FLAG_WEIGHT = 0.3;

  /** A functional model's spec whose outputs are the graph's, in its order. */
  private static final ModelSpec SPEC = ModelSpec.builder("news").seed(SEED)
      .data(CsvSource.file("unused.csv"))
      .output(OutputSpec.named("topic").classification(3))
      .output(OutputSpec.named("flag").classification(2))
      .build();

  @Test
  void theTotalLossIsTheWeightedSumOfTheOutputsUnweightedLosses() {
    TrainableNetwork net = trained(DataType.FLOAT);
    MultiDataSet data = data(300, 2, DataType.FLOAT);

    Evaluation evaluation = MetricsEvaluator.of(SPEC, net.outputs()).measure(net, data);

    double total = evaluation.metrics().get(Metric.LOSS);
    double topic = evaluation.outputs().get("topic").get(Metric.LOSS);
    double flag = evaluation.outputs().get("flag").get(Metric.LOSS);
    assertEquals(1.0 * topic + FLAG_WEIGHT * flag, total, 1e-5);
    assertNotEquals(topic + flag, total, 1e-2);
    assertEquals(net.score(data), total, 1e-6);
    // Each output's own loss is its plain loss of the graph's outputs, without the weight.
    INDArray[] outputs = net.output(data.getFeatures());
    assertEquals(new LossBinaryXENT().computeScore(data.getLabels(1), outputs[1].dup(),
        new ActivationIdentity(), null, true), flag, 1e-5);
    assertEquals(new LossMCXENT().computeScore(data.getLabels(0), outputs[0].dup(),
        new ActivationIdentity(), null, true), topic, 1e-5);
    // The model's metrics are its loss alone; the outputs' metrics are under their names.
    assertEquals(Set.of(Metric.LOSS), evaluation.metrics().keySet());
    assertEquals(Set.of("topic", "flag"), evaluation.outputs().keySet());
  }

  @Test
  void eachOutputsAccuracyIsThatOfItsOwnPredictions() {
    TrainableNetwork net = trained(DataType.FLOAT);
    MultiDataSet data = data(300, 3, DataType.FLOAT);

    Evaluation evaluation = MetricsEvaluator.of(SPEC, net.outputs()).measure(net, data);

    INDArray[] outputs = net.output(data.getFeatures());
    Map<Metric, Double> topic = evaluation.outputs().get("topic");
    Map<Metric, Double> flag = evaluation.outputs().get("flag");
    assertEquals(argMaxAccuracy(data.getLabels(0), outputs[0]), topic.get(Metric.ACCURACY), 1e-12);
    assertEquals(thresholdAccuracy(data.getLabels(1), outputs[1]), flag.get(Metric.ACCURACY), 1e-12);
    // Trained a little: both outputs learned something, and differently well.
    assertTrue(topic.get(Metric.ACCURACY) > 0.6, topic.toString());
    assertTrue(flag.get(Metric.ACCURACY) > 0.6, flag.toString());
    assertNotEquals(topic.get(Metric.ACCURACY), flag.get(Metric.ACCURACY));
    // The flag's precision and recall are those of its positive class.
    int[] counts = positiveCounts(data.getLabels(1), outputs[1]);
    assertEquals((double) counts[0] / (counts[0] + counts[1]), flag.get(Metric.PRECISION), 1e-12);
    assertEquals((double) counts[0] / (counts[0] + counts[2]), flag.get(Metric.RECALL), 1e-12);
    assertEquals(Set.of(Metric.LOSS, Metric.ACCURACY, Metric.PRECISION, Metric.RECALL, Metric.F1),
        topic.keySet());
  }

  @Test
  void aSplitOfSeveralChunksMeasuresAsOnePassOverAllRows() {
    TrainableNetwork net = trained(DataType.DOUBLE);
    // More rows than two chunks of 4096 hold, and not a multiple of one.
    MultiDataSet data = data(9_000, 4, DataType.DOUBLE);

    Evaluation evaluation = MetricsEvaluator.of(SPEC, net.outputs()).measure(net, data);

    INDArray[] outputs = net.output(data.getFeatures());
    assertEquals(net.score(data), evaluation.metrics().get(Metric.LOSS), 1e-9);
    assertEquals(net.outputs().get(0).meanLoss(data.getLabels(0), outputs[0]),
        evaluation.outputs().get("topic").get(Metric.LOSS), 1e-9);
    assertEquals(net.outputs().get(1).meanLoss(data.getLabels(1), outputs[1]),
        evaluation.outputs().get("flag").get(Metric.LOSS), 1e-9);
    assertEquals(argMaxAccuracy(data.getLabels(0), outputs[0]),
        evaluation.outputs().get("topic").get(Metric.ACCURACY), 1e-12);
    assertEquals(thresholdAccuracy(data.getLabels(1), outputs[1]),
        evaluation.outputs().get("flag").get(Metric.ACCURACY), 1e-12);
  }

  @Test
  void severalOutputsHaveNoConfusionMatrix() {
    TrainableNetwork net = trained(DataType.FLOAT);
    MultiDataSet data = data(50, 5, DataType.FLOAT);

    SplitEvaluation split = MetricsEvaluator.of(SPEC, net.outputs())
        .evaluateWithConfusion(net, data, List.of("a", "b", "c"));

    assertNull(split.confusion());
    assertEquals(Set.of("topic", "flag"), split.evaluation().outputs().keySet());
  }

  /** The graph, fitted for a few full-batch steps from its seed. */
  private static TrainableNetwork trained(DataType type) {
    TrainableNetwork net = NetworkConfiguration.of(twoOutputs(type)).create(SEED);
    MultiDataSet train = data(200, 1, type);
    for (int i = 0; i < 15; i++) {
      net.fit(train.getFeatures(), train.getLabels());
    }
    return net;
  }

  private static ComputationGraphConfiguration twoOutputs(DataType type) {
    return new NeuralNetConfiguration.Builder().seed(SEED).dataType(type)
        .weightInit(WeightInit.XAVIER).updater(new Adam(0.05)).graphBuilder()
        .addInputs("in")
        .addLayer("shared", new DenseLayer.Builder().nIn(4).nOut(6).activation(Activation.TANH).build(), "in")
        .addLayer("topic", new OutputLayer.Builder(WeightedLoss.of(new LossMCXENT(), 1.0)).nIn(6)
            .nOut(3).activation(Activation.SOFTMAX).build(), "shared")
        .addLayer("flag", new OutputLayer.Builder(WeightedLoss.of(new LossBinaryXENT(), FLAG_WEIGHT))
            .nIn(6).nOut(1).activation(Activation.SIGMOID).build(), "shared")
        .setOutputs("topic", "flag")
        .build();
  }

  /**
   * The topic is the largest of the first three features, each near 1.5 for its class; the flag
   * whether the fourth feature plus noise is positive, so neither output is learned perfectly.
   */
  private static MultiDataSet data(int rows, long seed, DataType type) {
    Random random = new Random(seed);
    INDArray features = Nd4j.create(type, rows, 4);
    INDArray topics = Nd4j.create(type, rows, 3);
    INDArray flags = Nd4j.create(type, rows, 1);
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

  private static double argMaxAccuracy(INDArray labels, INDArray outputs) {
    int correct = 0;
    for (int i = 0; i < labels.rows(); i++) {
      correct += argMax(labels.getRow(i)) == argMax(outputs.getRow(i)) ? 1 : 0;
    }
    return (double) correct / labels.rows();
  }

  private static int argMax(INDArray row) {
    int best = 0;
    for (int k = 1; k < row.length(); k++) {
      best = row.getDouble(k) > row.getDouble(best) ? k : best;
    }
    return best;
  }

  private static double thresholdAccuracy(INDArray labels, INDArray outputs) {
    int[] counts = positiveCounts(labels, outputs);
    return (double) (counts[0] + counts[3]) / labels.rows();
  }

  /** True positives, false positives, false negatives and true negatives at 0.5. */
  private static int[] positiveCounts(INDArray labels, INDArray outputs) {
    int[] counts = new int[4];
    for (int i = 0; i < labels.rows(); i++) {
      boolean actual = labels.getDouble(i, 0) > 0.5;
      boolean predicted = outputs.getDouble(i, 0) > 0.5;
      counts[actual ? (predicted ? 0 : 2) : (predicted ? 1 : 3)]++;
    }
    return counts;
  }
}

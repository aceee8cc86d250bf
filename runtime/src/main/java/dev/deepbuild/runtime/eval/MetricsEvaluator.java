package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkOutput;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A network's metrics on one data split: {@link Metric#LOSS} and the task's metrics, and for a
 * network of several outputs each output's loss and metrics ({@link Head}).
 *
 * <p>The loss is the network's {@link TrainableNetwork#score}: the mean loss per sample in
 * inference mode (no dropout) plus the network's L1/L2 regularization penalty, which is 0 unless
 * the configuration sets one; Keras likewise adds regularization losses to the loss it reports.
 * With several outputs it is the weighted sum of the outputs' losses, and each output's own loss
 * is unweighted and without the penalty, as Keras's {@code topic_loss} is.
 */
public final class MetricsEvaluator {
  /** Rows per forward pass, which bounds the activations' memory on large splits. */
  private static final int CHUNK_ROWS = 4096;

  private final Task task;
  private final List<Head> heads;

  /** The evaluator of a network of one output, which predicts for {@code task}. */
  public MetricsEvaluator(Task task) {
    this.task = task;
    this.heads = List.of();
  }

  /** The evaluator of a network of several outputs, in the network's order. */
  public MetricsEvaluator(List<Head> heads) {
    this.task = null;
    this.heads = List.copyOf(heads);
  }

  /**
   * The evaluator of a model: of its one output's task, or, for a functional model, of each of
   * the network's outputs with the task the spec declares for it.
   */
  public static MetricsEvaluator of(ModelSpec spec, List<NetworkOutput> outputs) {
    if (!spec.functional()) {
      return new MetricsEvaluator(spec.task());
    }
    spec.checkOutputs(outputs.size());
    List<Head> heads = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      heads.add(new Head(spec.outputs().get(i).name(), spec.outputs().get(i).task(), outputs.get(i)));
    }
    return new MetricsEvaluator(heads);
  }

  /** The model's metrics of {@code net} on {@code data}, with {@link Metric} keys in order. */
  public Map<Metric, Double> evaluate(TrainableNetwork net, MultiDataSet data) {
    return measure(net, Batches.inMemory(data)).metrics();
  }

  /** The model's and, with several outputs, each output's metrics, from one pass. */
  public Evaluation measure(TrainableNetwork net, MultiDataSet data) {
    return measure(net, Batches.inMemory(data));
  }

  /** The model's and, with several outputs, each output's metrics, from one pass over the rows. */
  public Evaluation measure(TrainableNetwork net, Batches data) {
    return heads.isEmpty()
        ? new Evaluation(measureOne(net, data, accumulator()), Map.of())
        : measureHeads(net, data);
  }

  /**
   * {@link #measure} and, for a classifier of one output, its confusion matrix from the same
   * forward passes.
   *
   * @param classNames the classes in class-index order; their indices name them when it is empty
   */
  public SplitEvaluation evaluateWithConfusion(
      TrainableNetwork net, MultiDataSet data, List<String> classNames) {
    return evaluateWithConfusion(net, Batches.inMemory(data), classNames);
  }

  /** The same for rows handed out by {@code data}. */
  public SplitEvaluation evaluateWithConfusion(
      TrainableNetwork net, Batches data, List<String> classNames) {
    if (task != Task.CLASSIFICATION) {
      return new SplitEvaluation(measure(net, data), null);
    }
    ClassificationMetrics classification = new ClassificationMetrics();
    Map<Metric, Double> values = measureOne(net, data, classification);
    return new SplitEvaluation(new Evaluation(values, Map.of()),
        classification.confusion(classNames));
  }

  private MetricAccumulator accumulator() {
    return MetricAccumulator.of(task);
  }

  private static Map<Metric, Double> measureOne(
      TrainableNetwork net, Batches data, MetricAccumulator metrics) {
    double[] lossSum = new double[1];
    data.inOrder(CHUNK_ROWS, chunk -> {
      // score() is a mean over the chunk's rows; weighting by rows gives the mean over the split.
      lossSum[0] += net.score(chunk) * rows(chunk);
      metrics.add(chunk.getLabels(0), net.output(chunk.getFeatures())[0]);
    });
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    values.put(Metric.LOSS, lossSum[0] / data.rows());
    values.putAll(metrics.values());
    return values;
  }

  private Evaluation measureHeads(TrainableNetwork net, Batches data) {
    double[] lossSum = new double[1];
    double[] headLossSums = new double[heads.size()];
    List<MetricAccumulator> accumulators = new ArrayList<>();
    heads.forEach(head -> accumulators.add(head.accumulator()));
    data.inOrder(CHUNK_ROWS, chunk -> {
      long chunkRows = rows(chunk);
      lossSum[0] += net.score(chunk) * chunkRows;
      INDArray[] outputs = net.output(chunk.getFeatures());
      for (int h = 0; h < heads.size(); h++) {
        headLossSums[h] += heads.get(h).output().meanLoss(chunk.getLabels(h), outputs[h]) * chunkRows;
        accumulators.get(h).add(chunk.getLabels(h), outputs[h]);
      }
    });
    Map<String, Map<Metric, Double>> byHead = new LinkedHashMap<>();
    for (int h = 0; h < heads.size(); h++) {
      Map<Metric, Double> values = new EnumMap<>(Metric.class);
      values.put(Metric.LOSS, headLossSums[h] / data.rows());
      values.putAll(accumulators.get(h).values());
      byHead.put(heads.get(h).name(), values);
    }
    return new Evaluation(Map.of(Metric.LOSS, lossSum[0] / data.rows()), byHead);
  }

  private static long rows(MultiDataSet chunk) {
    return chunk.getFeatures(0).size(0);
  }
}

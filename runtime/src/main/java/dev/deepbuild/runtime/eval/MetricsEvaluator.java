package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NativeGarbage;
import dev.deepbuild.runtime.network.NetworkOutput;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A network's metrics on one data split: {@link Metric#LOSS} and the task's metrics, and for a
 * network of several outputs each output's loss and metrics ({@link Head}).
 *
 * <p>The loss is what the network's {@link TrainableNetwork#score} gives: the mean loss per sample
 * in inference mode (no dropout) plus the network's L1/L2 regularization penalty, which is 0 unless
 * the configuration sets one; Keras likewise adds regularization losses to the loss it reports.
 * With several outputs it is the weighted sum of the outputs' losses, and each output's own loss
 * is unweighted and without the penalty, as Keras's {@code topic_loss} is. It is computed from the
 * same forward pass as the metrics, each output's loss function applied to its outputs ({@link
 * NetworkOutput#meanLoss}), as DL4J's score computes it after a forward pass of its own.
 */
public final class MetricsEvaluator {
  /** The rows of a training minibatch when the model does not say: Keras's default batch size. */
  private static final int DEFAULT_BATCH = 32;

  private final Task task;
  private final List<Head> heads;
  /**
   * The training minibatch's rows, the fewest a pass over a split takes ({@link Batches#rowsPerPass}).
   */
  private final int batchSize;

  /** The evaluator of a network of one output, which predicts for {@code task}. */
  public MetricsEvaluator(Task task) {
    this(task, List.of(), DEFAULT_BATCH);
  }

  /** The evaluator of a network of several outputs, in the network's order. */
  public MetricsEvaluator(List<Head> heads) {
    this(null, heads, DEFAULT_BATCH);
  }

  private MetricsEvaluator(Task task, List<Head> heads, int batchSize) {
    this.task = task;
    this.heads = List.copyOf(heads);
    this.batchSize = batchSize;
  }

  /**
   * The evaluator of a model: of its one output's task, or, for a functional model, of each of
   * the network's outputs with the task the spec declares for it.
   */
  public static MetricsEvaluator of(ModelSpec spec, List<NetworkOutput> outputs) {
    if (!spec.functional()) {
      return new MetricsEvaluator(spec.task(), List.of(), spec.batchSize());
    }
    spec.checkOutputs(outputs.size());
    List<Head> heads = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      heads.add(new Head(spec.outputs().get(i).name(), spec.outputs().get(i).task(), outputs.get(i)));
    }
    return new MetricsEvaluator(null, heads, spec.batchSize());
  }

  /** The model's metrics of {@code net} on {@code data}, with {@link Metric} keys in order. */
  public Map<Metric, Double> evaluate(TrainableNetwork net, MultiDataSet data) {
    return measure(net, Batches.inMemory(data)).metrics();
  }

  /** The model's and, with several outputs, each output's metrics, from one pass. */
  public Evaluation measure(TrainableNetwork net, MultiDataSet data) {
    return measure(net, Batches.inMemory(data));
  }

  /**
   * The model's and, with several outputs, each output's metrics, from one pass over the rows in
   * inference mode: each chunk's {@link TrainableNetwork#output}, from which its loss is computed.
   */
  public Evaluation measure(TrainableNetwork net, Batches data) {
    SplitMetrics sums = sums();
    measure(net, data, sums);
    return sums.evaluation();
  }

  /**
   * Empty sums of this evaluator's metrics, to which the epoch loop adds the minibatches it fits
   * ({@link dev.deepbuild.runtime.network.FittedBatch}).
   */
  public SplitMetrics sums() {
    return heads.isEmpty() ? new SplitMetrics(List.of(), List.of(accumulator()))
        : new SplitMetrics(heads, heads.stream().map(Head::accumulator).toList());
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
    SplitMetrics sums = new SplitMetrics(List.of(), List.of(classification));
    measure(net, data, sums);
    return new SplitEvaluation(sums.evaluation(), classification.confusion(classNames));
  }

  private MetricAccumulator accumulator() {
    return MetricAccumulator.of(task);
  }

  private void measure(TrainableNetwork net, Batches data, SplitMetrics sums) {
    List<NetworkOutput> outputs = net.outputs();
    // The parameters stay as they are for the whole pass, and so does their penalty.
    double penalty = net.penalty();
    data.inOrder(data.rowsPerPass(batchSize), chunk -> {
      sums.addPredicted(outputs, penalty, chunk.getLabels(), net.output(chunk.getFeatures()));
      NativeGarbage.collectIfAbove();
    });
  }
}

package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * A network's metrics on one data split: {@link Metric#LOSS} and the task's metrics.
 *
 * <p>The loss is the network's {@link TrainableNetwork#score}: the mean loss per sample in
 * inference mode (no dropout) plus the network's L1/L2 regularization penalty, which is 0 unless
 * the configuration sets one; Keras likewise adds regularization losses to the loss it reports.
 */
public final class MetricsEvaluator {
  /** Rows per forward pass, which bounds the activations' memory on large splits. */
  private static final int CHUNK_ROWS = 4096;

  private final Task task;

  public MetricsEvaluator(Task task) {
    this.task = task;
  }

  /** The metrics of {@code net} on {@code data}, with {@link Metric} keys in declaration order. */
  public Map<Metric, Double> evaluate(TrainableNetwork net, DataSet data) {
    return measure(net, data,
        task == Task.CLASSIFICATION ? new ClassificationMetrics() : new RegressionMetrics());
  }

  /**
   * {@link #evaluate} and, for a classifier, its confusion matrix from the same forward passes.
   *
   * @param classNames the classes in class-index order; their indices name them when it is empty
   */
  public SplitEvaluation evaluateWithConfusion(
      TrainableNetwork net, DataSet data, List<String> classNames) {
    if (task != Task.CLASSIFICATION) {
      return new SplitEvaluation(evaluate(net, data), null);
    }
    ClassificationMetrics classification = new ClassificationMetrics();
    Map<Metric, Double> values = measure(net, data, classification);
    return new SplitEvaluation(values, classification.confusion(classNames));
  }

  private static Map<Metric, Double> measure(
      TrainableNetwork net, DataSet data, MetricAccumulator metrics) {
    long rows = data.numExamples();
    double lossSum = 0;
    for (long start = 0; start < rows; start += CHUNK_ROWS) {
      DataSet chunk = rows <= CHUNK_ROWS ? data : chunk(data, start, Math.min(rows, start + CHUNK_ROWS));
      long chunkRows = chunk.numExamples();
      // score() is a mean over the chunk's rows; weighting by rows gives the mean over the split.
      lossSum += net.score(chunk) * chunkRows;
      metrics.add(chunk.getLabels(), net.output(chunk.getFeatures()));
    }
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    values.put(Metric.LOSS, lossSum / rows);
    values.putAll(metrics.values());
    return values;
  }

  private static DataSet chunk(DataSet data, long start, long end) {
    return new DataSet(rows(data.getFeatures(), start, end), rows(data.getLabels(), start, end));
  }

  private static INDArray rows(INDArray array, long start, long end) {
    return array.get(NDArrayIndex.interval(start, end), NDArrayIndex.all());
  }
}

package dev.deepbuild.runtime.eval;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import java.util.Map;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The common-sense baseline of the book's chapter 5, which a model must beat to be worth anything:
 * a classifier that always predicts the most frequent class of the training split, a regressor
 * that always predicts the mean of the training targets. Measured with the same metrics as the
 * model, on the same data. It has no loss: a constant prediction's crossentropy says nothing.
 */
public final class Baseline {
  private final Task task;
  private final INDArray prediction;

  private Baseline(Task task, INDArray prediction) {
    this.task = task;
    this.prediction = prediction;
  }

  /** The baseline learned from the training split's labels. */
  public static Baseline of(Task task, INDArray trainingLabels) {
    INDArray mean = trainingLabels.mean(0).reshape(1, trainingLabels.columns());
    if (task == Task.REGRESSION) {
      return new Baseline(task, mean);
    }
    INDArray majority = Nd4j.zerosLike(mean);
    if (mean.columns() == 1) {
      // One sigmoid unit: the probability of class 1 is 1 when class 1 is the majority.
      majority.putScalar(0, 0, mean.getDouble(0, 0) > 0.5 ? 1 : 0);
    } else {
      majority.putScalar(0, mean.argMax(1).getInt(0), 1);
    }
    return new Baseline(task, majority);
  }

  /** The baseline's metrics on a split with these labels. */
  public Map<Metric, Double> evaluate(INDArray labels) {
    MetricAccumulator metrics = MetricAccumulator.of(task);
    INDArray outputs = prediction.repeat(0, labels.size(0)).castTo(labels.dataType());
    metrics.add(labels, outputs);
    return metrics.values();
  }
}

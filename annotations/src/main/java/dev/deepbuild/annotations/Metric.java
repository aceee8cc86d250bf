package dev.deepbuild.annotations;

import java.util.Arrays;
import java.util.List;

/**
 * What a {@link Threshold} measures. Precision, recall and F1 are those of class 1 for a binary
 * classifier and the unweighted mean over classes (macro average) otherwise.
 */
public enum Metric {
  LOSS("loss", null, 0, Double.POSITIVE_INFINITY),
  ACCURACY("accuracy", Task.CLASSIFICATION, 0, 1),
  PRECISION("precision", Task.CLASSIFICATION, 0, 1),
  RECALL("recall", Task.CLASSIFICATION, 0, 1),
  F1("f1", Task.CLASSIFICATION, 0, 1),
  /** Mean absolute error. */
  MAE("mae", Task.REGRESSION, 0, Double.POSITIVE_INFINITY),
  /** Mean squared error. */
  MSE("mse", Task.REGRESSION, 0, Double.POSITIVE_INFINITY),
  /** Root mean squared error. */
  RMSE("rmse", Task.REGRESSION, 0, Double.POSITIVE_INFINITY),
  /** Coefficient of determination; 1 is a perfect fit and it has no lower bound. */
  R2("r2", Task.REGRESSION, Double.NEGATIVE_INFINITY, 1);

  private final String key;
  private final Task task;
  private final double lowest;
  private final double highest;

  Metric(String key, Task task, double lowest, double highest) {
    this.key = key;
    this.task = task;
    this.lowest = lowest;
    this.highest = highest;
  }

  /** The metric's name in reports and metrics files, such as {@code accuracy}. */
  public String key() {
    return key;
  }

  /** Whether larger values are better: true for accuracy, precision, recall, F1 and R², false for losses and errors. */
  public boolean higherIsBetter() {
    return task != null && highest == 1;
  }

  /**
   * Whether a model of this task has the metric: the loss for every model, the others for their
   * task only. The one rule for a {@code @Threshold}, a monitored metric and a pom rule alike.
   */
  public boolean appliesTo(Task modelTask) {
    return task == null || task == modelTask;
  }

  /**
   * Whether the model itself, rather than one of its outputs, has the metric: a model of several
   * outputs has its loss (their weighted sum) and no other, since each output has its own. The one
   * rule for a model-level {@code @Threshold} and a pom rule alike.
   */
  public boolean appliesToModel(Task modelTask, boolean severalOutputs) {
    return severalOutputs ? this == LOSS : appliesTo(modelTask);
  }

  /** The metrics a model of this task has, in declaration order. */
  public static List<Metric> of(Task modelTask) {
    return Arrays.stream(values()).filter(metric -> metric.appliesTo(modelTask)).toList();
  }

  /** The metric a progress line shows beside the loss: accuracy for a classifier, else MAE. */
  public static Metric shown(Task modelTask) {
    return modelTask == Task.CLASSIFICATION ? ACCURACY : MAE;
  }

  /**
   * Whether the runtime measures a common-sense baseline's value of the metric, which {@link
   * Threshold#beatBaselineBy()} is a margin over: for every metric but the loss.
   */
  public boolean hasBaseline() {
    return this != LOSS;
  }

  /** The smallest value the metric can take. */
  public double lowest() {
    return lowest;
  }

  /** The largest value the metric can take. */
  public double highest() {
    return highest;
  }

  /** How far apart the lowest and highest values are; infinite for an unbounded metric. */
  public double range() {
    return highest - lowest;
  }
}

package dev.deepbuild.annotations;

/**
 * Loss functions, named as in Keras. The loss also tells the task: the crossentropies make a
 * classifier, the errors a regressor.
 */
public enum Loss {
  /** Two classes, one sigmoid output unit: the probability of class 1. */
  BINARY_CROSSENTROPY(Task.CLASSIFICATION),
  /** Two or more classes, one softmax output unit per class; labels are one-hot encoded. */
  CATEGORICAL_CROSSENTROPY(Task.CLASSIFICATION),
  MEAN_SQUARED_ERROR(Task.REGRESSION),
  MEAN_ABSOLUTE_ERROR(Task.REGRESSION);

  private final Task task;

  Loss(Task task) {
    this.task = task;
  }

  /** The task a model trained with this loss performs. */
  public Task task() {
    return task;
  }
}

package dev.deepbuild.annotations;

/** Optimization algorithms, named as in Keras, with Keras's default learning rates. */
public enum OptimizerType {
  SGD(0.01),
  ADAM(0.001),
  RMSPROP(0.001),
  ADAGRAD(0.001);

  private final double defaultLearningRate;

  OptimizerType(double defaultLearningRate) {
    this.defaultLearningRate = defaultLearningRate;
  }

  /** The learning rate used when {@link Optimizer#learningRate()} is left at 0, as in Keras. */
  public double defaultLearningRate() {
    return defaultLearningRate;
  }
}

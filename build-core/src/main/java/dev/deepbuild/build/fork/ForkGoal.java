package dev.deepbuild.build.fork;

/** What a forked JVM does with the build's models. */
public enum ForkGoal {
  /** Train each model, evaluate it and check its thresholds ({@code dl:train}). */
  TRAIN,
  /** Evaluate each saved model on its test data and check its thresholds ({@code dl:evaluate}). */
  EVALUATE,
  /**
   * Record each up-to-date model's saved metrics, once its thresholds pass, as the values its
   * regression tolerances compare with ({@code dl:accept}).
   */
  ACCEPT,
  /** Print each model's layers, output shapes and parameter counts ({@code dl:summary}). */
  SUMMARY,
  /**
   * Print the selected model's predictions for the request's input ({@code dl:predict}), with the
   * project's class path, so that a model with the project's own custom layers loads.
   */
  PREDICT
}

package dev.deepbuild.runtime.predict;

/**
 * What a model predicts for one input: a class with its probability ({@link ClassPrediction}) or
 * a number ({@link ValuePrediction}), as the model's task says.
 */
public sealed interface Prediction permits ClassPrediction, ValuePrediction {
  /** One line for a person, as {@code dl:predict} prints it. */
  String describe();
}

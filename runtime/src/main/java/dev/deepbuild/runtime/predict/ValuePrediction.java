package dev.deepbuild.runtime.predict;

/**
 * A regressor's prediction.
 *
 * @param value the network's output, unchanged
 */
public record ValuePrediction(double value) implements Prediction {
  @Override
  public String describe() {
    return Double.toString(value);
  }
}

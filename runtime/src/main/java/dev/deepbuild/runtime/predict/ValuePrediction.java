package dev.deepbuild.runtime.predict;

import java.util.Locale;

/**
 * A regressor's prediction.
 *
 * @param value the network's output, unchanged
 */
public record ValuePrediction(double value) implements Prediction {
  @Override
  public String describe() {
    return String.format(Locale.ROOT, "%s", value);
  }
}

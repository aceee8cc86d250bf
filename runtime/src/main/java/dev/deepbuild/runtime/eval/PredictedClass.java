package dev.deepbuild.runtime.eval;

import java.util.function.IntToDoubleFunction;

/**
 * The class one row of a classifier's outputs predicts, the one rule that the metrics and the
 * application's predictions share: class 1 when a single sigmoid unit is above 0.5 (as Keras
 * thresholds it), else the first class of the highest probability. A row of labels names its
 * class by the same rule: a one-hot row, or a single 0 or 1.
 */
public final class PredictedClass {
  private static final double THRESHOLD = 0.5;

  private PredictedClass() {}

  /**
   * @param width the row's values: 1 for a sigmoid unit, else one per class
   * @param row the row's value of each column
   */
  public static int of(int width, IntToDoubleFunction row) {
    if (width == 1) {
      return row.applyAsDouble(0) > THRESHOLD ? 1 : 0;
    }
    int predicted = 0;
    double highest = row.applyAsDouble(0);
    for (int k = 1; k < width; k++) {
      double value = row.applyAsDouble(k);
      if (value > highest) {
        predicted = k;
        highest = value;
      }
    }
    return predicted;
  }
}

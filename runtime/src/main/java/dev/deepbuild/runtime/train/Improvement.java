package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.Metric;

/**
 * Tracks the best value of a metric across epochs, in the metric's own direction (loss and errors
 * down, accuracy and R² up), so that early stopping never keeps the worst model of a metric that is
 * maximized. A change counts as an improvement only when it beats the best by more than
 * {@code minDelta}.
 */
final class Improvement {
  private final Metric metric;
  private final double minDelta;
  private double best = Double.NaN;
  private int bestEpoch;
  private int epochsWithout;

  Improvement(Metric metric, double minDelta) {
    this.metric = metric;
    this.minDelta = minDelta;
  }

  /** Records the epoch's value; true when it is a new best. */
  boolean offer(int epoch, double value) {
    boolean better = !Double.isNaN(value) && (Double.isNaN(best)
        || (metric.higherIsBetter() ? value > best + minDelta : value < best - minDelta));
    if (better) {
      best = value;
      bestEpoch = epoch;
      epochsWithout = 0;
    } else {
      epochsWithout++;
    }
    return better;
  }

  Metric metric() {
    return metric;
  }

  double best() {
    return best;
  }

  /** The epoch of the best value, 0 before any. */
  int bestEpoch() {
    return bestEpoch;
  }

  int epochsWithout() {
    return epochsWithout;
  }

  /** Starts counting epochs without improvement anew, keeping the best value. */
  void resetWait() {
    epochsWithout = 0;
  }
}

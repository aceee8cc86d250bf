package dev.deepbuild.annotations;

/** A part of a model's data that a metric is measured on. */
public enum DataSplit {
  TRAIN("training"),
  VALIDATION("validation"),
  TEST("test"),
  /** The mean, across the folds of {@link KFold}, of each fold's validation metric after its last epoch. */
  KFOLD_MEAN("k-fold mean"),
  /** The worst fold's validation metric after its last epoch, under {@link KFold}. */
  KFOLD_WORST("k-fold worst");

  private final String label;

  DataSplit(String label) {
    this.label = label;
  }

  /** How messages name it: {@code test accuracy is 0.842}. */
  public String label() {
    return label;
  }
}

package dev.deepbuild.annotations;

/** A part of a model's data that a metric is measured on. */
public enum DataSplit {
  TRAIN("training"),
  VALIDATION("validation"),
  TEST("test");

  private final String label;

  DataSplit(String label) {
    this.label = label;
  }

  /** How messages name it: {@code test accuracy is 0.842}. */
  public String label() {
    return label;
  }
}

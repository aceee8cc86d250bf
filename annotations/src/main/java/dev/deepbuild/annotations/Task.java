package dev.deepbuild.annotations;

/** What a model predicts; it follows from the model's {@link Loss}. */
public enum Task {
  /** A class among a fixed set; labels are class values. */
  CLASSIFICATION,
  /** One or more real numbers. */
  REGRESSION
}

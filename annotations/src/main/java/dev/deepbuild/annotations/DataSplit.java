package dev.deepbuild.annotations;

import java.util.Optional;

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

  /**
   * Whether the runtime measures a common-sense baseline on this split, which {@link
   * Threshold#beatBaselineBy()} is a margin over: on the hold-out splits, not on the k-fold folds.
   */
  public boolean hasBaseline() {
    return this != KFOLD_MEAN && this != KFOLD_WORST;
  }

  /**
   * Why a model has no metrics on this split; empty when it has them. The one rule of which
   * splits a model has, for its {@code @Threshold}s and the build's threshold rules alike.
   *
   * @param kFold whether the model has {@link KFold}
   * @param validationData whether it holds out validation data or has a validation table of its own
   */
  public Optional<MissingSplit> missingFrom(boolean kFold, boolean validationData) {
    return switch (this) {
      case VALIDATION -> kFold
          ? Optional.of(MissingSplit.FOLDS_VALIDATE)
          : validationData ? Optional.empty() : Optional.of(MissingSplit.NO_VALIDATION_DATA);
      case KFOLD_MEAN, KFOLD_WORST -> kFold ? Optional.empty() : Optional.of(MissingSplit.NO_KFOLD);
      case TRAIN, TEST -> Optional.empty();
    };
  }
}

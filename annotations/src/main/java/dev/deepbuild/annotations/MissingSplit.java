package dev.deepbuild.annotations;

/**
 * Why a model has no metrics on a {@link DataSplit}, as {@link DataSplit#missingFrom} decides it
 * for a {@code @Threshold} at compile time and for a rule of the build's configuration alike.
 */
public enum MissingSplit {
  /** {@link DataSplit#VALIDATION} under {@link KFold}: the folds validate, the final fit has no validation data. */
  FOLDS_VALIDATE,
  /** {@link DataSplit#VALIDATION} without held-out validation data or a validation table. */
  NO_VALIDATION_DATA,
  /** {@link DataSplit#KFOLD_MEAN} or {@link DataSplit#KFOLD_WORST} without {@link KFold}. */
  NO_KFOLD
}

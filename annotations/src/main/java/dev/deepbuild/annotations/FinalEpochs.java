package dev.deepbuild.annotations;

/** How many epochs the final model trains for after {@link KFold} cross-validation. */
public enum FinalEpochs {
  /** The epochs of {@link Train#epochs()}, as the folds do. */
  DECLARED,
  /**
   * The epoch with the best mean validation value across the folds (accuracy for a classifier,
   * MAE for a regressor), the book's workflow for Boston housing: the folds train for
   * {@link Train#epochs()}, the averaged curve picks the epoch count, and the final model is fitted
   * on the whole training split for that many epochs.
   */
  BEST_MEAN
}

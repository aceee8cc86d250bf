package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.FinalEpochs;
import java.util.Objects;

/**
 * K-fold cross-validation of the training split, as {@code @KFold} says: {@code
 * KFoldSpec.folds(5).iterations(2).finalEpochs(FinalEpochs.BEST_MEAN)}.
 *
 * @param k the number of folds
 * @param iterations how many times the K-fold runs, each on a new shuffle
 * @param finalEpochs how many epochs the final model trains for: the spec's, or the folds' best
 *     mean epoch
 */
public record KFoldSpec(int k, int iterations, FinalEpochs finalEpochs) {

  public KFoldSpec {
    Objects.requireNonNull(finalEpochs, "finalEpochs");
  }

  /** The final model trains for the spec's epochs. */
  public KFoldSpec(int k, int iterations) {
    this(k, iterations, FinalEpochs.DECLARED);
  }

  /** {@code k} folds, run once, the final model training for the spec's epochs. */
  public static KFoldSpec folds(int k) {
    return new KFoldSpec(k, 1);
  }

  /** These folds run {@code times}, each on a new shuffle. */
  public KFoldSpec iterations(int times) {
    return new KFoldSpec(k, times, finalEpochs);
  }

  public KFoldSpec finalEpochs(FinalEpochs epochs) {
    return new KFoldSpec(k, iterations, epochs);
  }
}

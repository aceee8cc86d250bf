package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.FinalEpochs;
import java.util.Objects;

/**
 * K-fold cross-validation of the training split, as {@code @KFold} says.
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
}

package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.FinalEpochs;
import java.util.Objects;

/**
 * K-fold cross-validation of the training split ({@code @KFold}).
 *
 * @param k the number of folds, at least 2
 * @param iterations how many times the whole K-fold runs, each on a new shuffle, at least 1
 * @param finalEpochs how many epochs the final model trains for
 */
public record KFoldDescription(int k, int iterations, FinalEpochs finalEpochs) {

  public KFoldDescription {
    if (k < 2 || iterations < 1) {
      throw new IllegalArgumentException(
          "k-fold needs k >= 2 and iterations >= 1: " + k + ", " + iterations);
    }
    Objects.requireNonNull(finalEpochs, "finalEpochs");
  }
}

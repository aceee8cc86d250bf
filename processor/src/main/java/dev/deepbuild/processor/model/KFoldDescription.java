package dev.deepbuild.processor.model;

/**
 * K-fold cross-validation of the training split ({@code @KFold}).
 *
 * @param k the number of folds, at least 2
 * @param iterations how many times the whole K-fold runs, each on a new shuffle, at least 1
 */
public record KFoldDescription(int k, int iterations) {

  public KFoldDescription {
    if (k < 2 || iterations < 1) {
      throw new IllegalArgumentException(
          "k-fold needs k >= 2 and iterations >= 1: " + k + ", " + iterations);
    }
  }
}

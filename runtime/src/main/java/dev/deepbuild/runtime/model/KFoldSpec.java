package dev.deepbuild.runtime.model;

/**
 * K-fold cross-validation of the training split, as {@code @KFold} says.
 *
 * @param k the number of folds
 * @param iterations how many times the K-fold runs, each on a new shuffle
 */
public record KFoldSpec(int k, int iterations) {}

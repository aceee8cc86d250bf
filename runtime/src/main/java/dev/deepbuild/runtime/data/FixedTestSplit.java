package dev.deepbuild.runtime.data;

import java.util.Optional;

/**
 * A dataset's own test split, which every model of the dataset is measured on: either given rows
 * (MNIST's official test images), or a fraction of its samples, stratified for classification,
 * chosen by the dataset's own seed rather than the model's.
 *
 * @param rows the test rows, ascending, when the dataset names them; null for a fraction
 */
public record FixedTestSplit(double fraction, long seed, int[] rows) {
  /** A seeded, stratified fraction. */
  public FixedTestSplit(double fraction, long seed) {
    this(fraction, seed, null);
  }

  /** These rows, the dataset's own test set. */
  public static FixedTestSplit ofRows(int[] rows) {
    return new FixedTestSplit(0, 0, rows.clone());
  }

  /** The dataset's own test rows, when it names them. */
  public Optional<int[]> givenRows() {
    return Optional.ofNullable(rows).map(int[]::clone);
  }

  /**
   * The test rows of samples of these strata: the given rows, or the seeded, stratified fraction.
   *
   * @param strata each sample's class index (all 0 for regression)
   */
  public int[] testRows(String model, int[] strata) {
    return givenRows()
        .orElseGet(() -> HoldoutSplitter.split(model, strata, fraction, 0, seed).test());
  }
}

package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Collections;
import java.util.Random;

/**
 * Splits training rows into k folds for cross-validation, stratified: each class's rows, shuffled,
 * are dealt to the folds in turn, the count carrying on from one class to the next, so folds differ
 * in size by at most one row and hold every class in proportion.
 */
public final class KFoldSplitter {
  private KFoldSplitter() {}

  /**
   * The k splits of one iteration: in split {@code f}, fold {@code f} validates and the others
   * train; the test rows are left out.
   *
   * @param rows the training rows to cross-validate
   * @param strata every sample's class index (all 0 for regression), indexed by row
   * @param iteration which of the iterated runs this is: each shuffles anew
   */
  public static List<SplitIndices> folds(
      String model, int[] rows, int[] strata, int k, long seed, int iteration) {
    if (rows.length < k) {
      throw new InvalidInputException(model + ": @KFold(k = " + k
          + ") needs at least " + k + " training rows, but there are " + rows.length
          + "; lower k.");
    }
    int classes = Arrays.stream(rows).map(row -> strata[row]).max().orElse(0) + 1;
    List<List<Integer>> byClass = new ArrayList<>();
    for (int c = 0; c < classes; c++) {
      byClass.add(new ArrayList<>());
    }
    for (int row : rows) {
      byClass.get(strata[row]).add(row);
    }
    Random random = new Random(seed + iteration);
    int[] foldOf = new int[strata.length];
    int next = 0;
    for (List<Integer> members : byClass) {
      Collections.shuffle(members, random);
      for (int row : members) {
        foldOf[row] = next++ % k;
      }
    }
    List<SplitIndices> splits = new ArrayList<>(k);
    for (int fold = 0; fold < k; fold++) {
      int f = fold;
      int[] validation = Arrays.stream(rows).filter(row -> foldOf[row] == f).sorted().toArray();
      int[] train = Arrays.stream(rows).filter(row -> foldOf[row] != f).sorted().toArray();
      splits.add(new SplitIndices(train, validation, new int[0]));
    }
    return splits;
  }
}

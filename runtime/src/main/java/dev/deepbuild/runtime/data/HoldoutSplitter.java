package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Splits rows into training, validation and test sets as {@code @Split} describes: the rows are
 * shuffled with {@code new Random(seed)}; the test set holds {@code round(n * test)} of all
 * {@code n} rows and the validation set {@code round(n * validation)}, rounding halves up, and each
 * whole count is apportioned among the strata (a classifier's classes; regression has one) by
 * largest remainder, as scikit-learn's stratified splits do ({@link LargestRemainder}): the totals
 * are exact however many small classes there are. The test set is apportioned first, in
 * proportion to the strata's sizes; the validation set then in proportion to what each stratum has
 * left.
 *
 * <p>Small data: every stratum keeps at least one training row, and a split that should have rows
 * gets at least one, so a split too small to round to a row still has one.
 */
public final class HoldoutSplitter {
  /** Absorbs representation error such as 50 * 0.3 = 14.999999999999998 before rounding. */
  private static final double ROUNDING_SLACK = 1e-9;

  private HoldoutSplitter() {}

  /**
   * @param strata each row's stratum (class index, or all 0 for regression)
   * @param test the fraction of all rows held out for the test, in (0, 1)
   * @param validation the fraction of all rows held out for validation, in [0, 1)
   */
  public static SplitIndices split(String model, int[] strata, double test, double validation, long seed) {
    checkFractions(model, test, validation);
    Random random = new Random(seed);
    List<List<Integer>> byStratum = shuffledStrata(strata, random);
    int count = byStratum.size();
    int[] sizes = byStratum.stream().mapToInt(List::size).toArray();
    // Every stratum keeps a training row: one of a single row is never held out.
    int[] capacity = Arrays.stream(sizes).map(n -> Math.max(0, n - 1)).toArray();
    int[] testRows = LargestRemainder.apportion(atLeastOne(strata.length, test), sizes, capacity, random);
    checkFilled(model, strata.length, testRows, "test");
    int[] validationRows = new int[count];
    if (validation > 0) {
      int[] left = new int[count];
      int[] leftCapacity = new int[count];
      for (int s = 0; s < count; s++) {
        left[s] = sizes[s] - testRows[s];
        leftCapacity[s] = capacity[s] - testRows[s];
      }
      validationRows = LargestRemainder.apportion(atLeastOne(strata.length, validation), left,
          leftCapacity, random);
      checkFilled(model, strata.length, validationRows, "validation");
    }

    List<Integer> train = new ArrayList<>();
    List<Integer> valid = new ArrayList<>();
    List<Integer> held = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      List<Integer> rows = byStratum.get(s);
      held.addAll(rows.subList(0, testRows[s]));
      valid.addAll(rows.subList(testRows[s], testRows[s] + validationRows[s]));
      train.addAll(rows.subList(testRows[s] + validationRows[s], rows.size()));
    }
    return new SplitIndices(sorted(train), sorted(valid), sorted(held));
  }

  /**
   * A seeded sample of {@code count} rows with an equal share of each stratum, as far as each has
   * rows (largest remainder places the rest, a full stratum passing its share on), so a few-sample
   * training split of unequal classes is balanced; the rows come in one seeded shuffle's order
   * within each stratum, as {@link #split}'s do.
   *
   * @param count the rows to keep, at most {@code strata.length}
   * @return the rows kept, ascending
   */
  public static int[] sample(int[] strata, int count, long seed) {
    Random random = new Random(seed);
    List<List<Integer>> byStratum = shuffledStrata(strata, random);
    int[] sizes = byStratum.stream().mapToInt(List::size).toArray();
    int[] equal = Arrays.stream(sizes).map(size -> size > 0 ? 1 : 0).toArray();
    int[] shares = LargestRemainder.apportion(count, equal, sizes, random);
    List<Integer> kept = new ArrayList<>();
    for (int s = 0; s < byStratum.size(); s++) {
      kept.addAll(byStratum.get(s).subList(0, shares[s]));
    }
    return sorted(kept);
  }

  private static void checkFractions(String model, double test, double validation) {
    if (!(test > 0 && test < 1 && validation >= 0 && validation < 1 && test + validation < 1)) {
      throw new InvalidInputException(model + ": @Split(test = " + test + ", validation = "
          + validation + ") is not a split: test must be in (0, 1), validation in [0, 1), and"
          + " together below 1 so that rows remain for training.");
    }
  }

  /** Row indices grouped by stratum, each group in the order of one seeded shuffle of all rows. */
  private static List<List<Integer>> shuffledStrata(int[] strata, Random random) {
    int[] order = IntStream.range(0, strata.length).toArray();
    for (int i = order.length - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = order[i];
      order[i] = order[j];
      order[j] = swap;
    }
    int count = Arrays.stream(strata).max().orElse(-1) + 1;
    List<List<Integer>> byStratum = new ArrayList<>();
    for (int s = 0; s < count; s++) {
      byStratum.add(new ArrayList<>());
    }
    for (int row : order) {
      byStratum.get(strata[row]).add(row);
    }
    return byStratum;
  }

  /** {@code round(rows * fraction)}, but at least one row. */
  private static int atLeastOne(int rows, double fraction) {
    return Math.max(1, (int) Math.floor(rows * fraction + 0.5 + ROUNDING_SLACK));
  }

  /** A split that should have rows but got none, because every stratum must keep a training row. */
  private static void checkFilled(String model, int rows, int[] held, String split) {
    if (Arrays.stream(held).sum() == 0) {
      throw new InvalidInputException(model + ": " + rows + " rows are too few to hold out a " + split
          + " set while every class keeps a training row; add rows to the data"
          + (split.equals("validation") ? ", or set @Split(validation = 0)." : "."));
    }
  }

  private static int[] sorted(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}

package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Splits rows into training, validation and test sets as {@code @Split} describes: the rows are
 * shuffled with {@code new Random(seed)}, then each stratum (a classifier's class; regression has
 * one) gives {@code round(n * test)} rows to the test set and {@code round(n * validation)} to the
 * validation set, rounding halves up, and keeps the rest for training.
 *
 * <p>Small data: every stratum keeps at least one training row (validation, then test, give one
 * back), and when rounding leaves the test or a requested validation set empty, it takes one row
 * from the stratum with the most training rows, so every split that should have rows has some.
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
    List<List<Integer>> byStratum = shuffledStrata(strata, seed);
    int count = byStratum.size();
    int[] testRows = new int[count];
    int[] validationRows = new int[count];
    for (int s = 0; s < count; s++) {
      int n = byStratum.get(s).size();
      testRows[s] = round(n * test);
      validationRows[s] = round(n * validation);
      while (n > 0 && testRows[s] + validationRows[s] > n - 1) {
        if (validationRows[s] > 0) {
          validationRows[s]--;
        } else {
          testRows[s]--;
        }
      }
    }
    fillEmpty(model, byStratum, testRows, validationRows, "test");
    if (validation > 0) {
      fillEmpty(model, byStratum, validationRows, testRows, "validation");
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

  private static void checkFractions(String model, double test, double validation) {
    if (!(test > 0 && test < 1 && validation >= 0 && validation < 1 && test + validation < 1)) {
      throw new InvalidInputException(model + ": @Split(test = " + test + ", validation = "
          + validation + ") is not a split: test must be in (0, 1), validation in [0, 1), and"
          + " together below 1 so that rows remain for training.");
    }
  }

  /** Row indices grouped by stratum, each group in the order of one seeded shuffle of all rows. */
  private static List<List<Integer>> shuffledStrata(int[] strata, long seed) {
    int[] order = IntStream.range(0, strata.length).toArray();
    Random random = new Random(seed);
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

  /** If {@code target} holds no rows, moves one training row of the largest training stratum to it. */
  private static void fillEmpty(
      String model, List<List<Integer>> byStratum, int[] target, int[] other, String split) {
    if (Arrays.stream(target).sum() > 0) {
      return;
    }
    int best = -1;
    int bestTraining = 1;
    for (int s = 0; s < byStratum.size(); s++) {
      int training = byStratum.get(s).size() - target[s] - other[s];
      if (training > bestTraining) {
        best = s;
        bestTraining = training;
      }
    }
    if (best < 0) {
      int rows = byStratum.stream().mapToInt(List::size).sum();
      throw new InvalidInputException(model + ": " + rows + " rows are too few to hold out a " + split
          + " set while every class keeps a training row; add rows to the data"
          + (split.equals("validation") ? ", or set @Split(validation = 0)." : "."));
    }
    target[best]++;
  }

  private static int round(double rows) {
    return (int) Math.floor(rows + 0.5 + ROUNDING_SLACK);
  }

  private static int[] sorted(List<Integer> rows) {
    return rows.stream().mapToInt(Integer::intValue).sorted().toArray();
  }
}

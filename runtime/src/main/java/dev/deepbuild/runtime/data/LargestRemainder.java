package dev.deepbuild.runtime.data;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Apportions a whole count of rows among strata in proportion to their weights, as scikit-learn's
 * stratified splits do ({@code _approximate_mode}): each stratum gets the floor of its quota, and
 * the rows left over go one each to the strata with the largest fractional remainders, ties broken
 * by a seeded shuffle. The total is therefore exact, however many small strata there are, where
 * rounding each stratum on its own drifts (50 classes of 2 rows, 20% each: 0 rows instead of 20).
 */
final class LargestRemainder {
  private LargestRemainder() {}

  /**
   * @param total the rows to hand out
   * @param weights each stratum's weight (its row count)
   * @param capacity the most rows each stratum can give; a stratum that is full passes its share
   *     on to the next largest remainder, so fewer than {@code total} are handed out only when
   *     every stratum is full
   * @param random breaks ties between equal remainders
   * @return the rows of each stratum
   */
  static int[] apportion(int total, int[] weights, int[] capacity, Random random) {
    int count = weights.length;
    long weightSum = Arrays.stream(weights).asLongStream().sum();
    int[] shares = new int[count];
    double[] remainders = new double[count];
    int given = 0;
    for (int s = 0; s < count && weightSum > 0; s++) {
      double quota = (double) total * weights[s] / weightSum;
      int floor = (int) Math.floor(quota + 1e-9);
      shares[s] = Math.min(floor, capacity[s]);
      remainders[s] = quota - floor;
      given += shares[s];
    }
    int[] tieOrder = shuffled(count, random);
    Integer[] order = IntStream.range(0, count).boxed().toArray(Integer[]::new);
    Arrays.sort(order, Comparator.<Integer>comparingDouble(s -> -remainders[s])
        .thenComparingInt(s -> tieOrder[s]));
    // Passes over the strata in remainder order until the total is placed or every one is full.
    boolean placed = true;
    while (given < total && placed) {
      placed = false;
      for (int i = 0; i < count && given < total; i++) {
        int s = order[i];
        if (shares[s] < capacity[s]) {
          shares[s]++;
          given++;
          placed = true;
        }
      }
    }
    return shares;
  }

  /** Each stratum's rank in one seeded shuffle. */
  private static int[] shuffled(int count, Random random) {
    int[] rank = IntStream.range(0, count).toArray();
    for (int i = count - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      int swap = rank[i];
      rank[i] = rank[j];
      rank[j] = swap;
    }
    return rank;
  }
}

package dev.deepbuild.runtime.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.FixedTestSplit;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DatasetSubsetTest {
  private static final List<String> DIGITS =
      IntStream.range(0, 10).mapToObj(String::valueOf).toList();
  /** Row i is the digit i % 10. */
  private static final int[] LABELS = IntStream.range(0, 1000).map(row -> row % 10).toArray();
  /** The last 200 rows are the dataset's own test rows. */
  private static final FixedTestSplit TEST =
      FixedTestSplit.ofRows(IntStream.range(800, 1000).toArray());

  private static DatasetSubset of(BuiltinSource source, int[] labels, long seed) {
    return DatasetSubset.of("digits", source, labels, DIGITS, TEST, seed);
  }

  @Test
  void keepsTheListedClassesInTheirOrderInBothSplits() {
    DatasetSubset subset = of(BuiltinSource.of(BuiltinDataset.MNIST).classes(7, 2), LABELS, 1);
    assertEquals(List.of("7", "2"), subset.classNames());
    assertEquals(200, subset.rows().length);
    for (int i = 0; i < subset.rows().length; i++) {
      int digit = LABELS[subset.rows()[i]];
      assertEquals(digit == 7 ? 0 : 1, subset.labels()[i]);
    }
    int[] testRows = Arrays.stream(subset.testSplit().givenRows().orElseThrow())
        .map(position -> subset.rows()[position]).toArray();
    assertArrayEquals(IntStream.range(800, 1000).filter(row -> row % 10 == 7 || row % 10 == 2)
        .toArray(), testRows);
  }

  @Test
  void theTrainingSampleIsBalancedSeededAndLeavesTheTestRows() {
    int[] unequal = LABELS.clone();
    // Digit 9 keeps 3 training rows: its share passes on to the other classes.
    IntStream.range(30, 800).filter(row -> unequal[row] == 9).forEach(row -> unequal[row] = 8);
    BuiltinSource source = BuiltinSource.of(BuiltinDataset.MNIST).classes(5, 6, 7, 8, 9)
        .trainingSamples(50);
    DatasetSubset subset = of(source, unequal, 42);
    int[] training = IntStream.range(0, subset.rows().length)
        .filter(i -> subset.rows()[i] < 800).toArray();
    assertEquals(50, training.length);
    int[] perClass = new int[5];
    Arrays.stream(training).forEach(i -> perClass[subset.labels()[i]]++);
    assertEquals(3, perClass[4]);
    // The other 47 go 12, 12, 12 and 11, the extra rows by largest remainder.
    int[] others = Arrays.stream(perClass).limit(4).sorted().toArray();
    assertArrayEquals(new int[] {11, 12, 12, 12}, others);
    assertEquals(100, subset.testSplit().givenRows().orElseThrow().length);

    assertArrayEquals(subset.rows(), of(source, unequal, 42).rows());
    assertFalse(Arrays.equals(subset.rows(), of(source, unequal, 7).rows()));
  }
}

package dev.deepbuild.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HoldoutSplitterTest {
  /** 50 rows of class 0, 30 of class 1, 20 of class 2, interleaved. */
  private static final int[] CLASSES = IntStream.range(0, 100).map(i -> i % 10 < 5 ? 0 : i % 10 < 8 ? 1 : 2).toArray();

  private static long count(int[] rows, int klass) {
    return Arrays.stream(rows).filter(row -> CLASSES[row] == klass).count();
  }

  @Test
  void eachClassIsSplitInTheSameProportions() {
    SplitIndices split = HoldoutSplitter.split("m", CLASSES, 0.2, 0.1, 42);
    assertEquals(10, count(split.test(), 0));
    assertEquals(6, count(split.test(), 1));
    assertEquals(4, count(split.test(), 2));
    assertEquals(5, count(split.validation(), 0));
    assertEquals(3, count(split.validation(), 1));
    assertEquals(2, count(split.validation(), 2));
    assertEquals(70, split.train().length);
  }

  @Test
  void splitsAreDisjointSortedAndCoverEveryRow() {
    SplitIndices split = HoldoutSplitter.split("m", CLASSES, 0.25, 0.15, 7);
    int[] all = IntStream.concat(IntStream.concat(Arrays.stream(split.train()),
        Arrays.stream(split.validation())), Arrays.stream(split.test())).sorted().toArray();
    assertArrayEquals(IntStream.range(0, 100).toArray(), all);
    for (int[] rows : new int[][] {split.train(), split.validation(), split.test()}) {
      assertArrayEquals(Arrays.stream(rows).sorted().toArray(), rows);
    }
  }

  @Test
  void theSeedDecidesTheSplit() {
    SplitIndices first = HoldoutSplitter.split("m", CLASSES, 0.2, 0.2, 42);
    SplitIndices again = HoldoutSplitter.split("m", CLASSES, 0.2, 0.2, 42);
    SplitIndices other = HoldoutSplitter.split("m", CLASSES, 0.2, 0.2, 43);
    assertArrayEquals(first.test(), again.test());
    assertArrayEquals(first.validation(), again.validation());
    assertArrayEquals(first.train(), again.train());
    assertFalse(Arrays.equals(first.test(), other.test()));
  }

  @Test
  void roundsTheWholeCountHalvesUpNotEachClass() {
    // 10 rows * 0.3 = 3 test rows and 10 * 0.1 = 1 validation row; rounding each class of 5 on its
    // own would give 2 + 2 and 1 + 1.
    int[] strata = {0, 0, 0, 0, 0, 1, 1, 1, 1, 1};
    SplitIndices split = HoldoutSplitter.split("m", strata, 0.3, 0.1, 1);
    assertEquals(3, split.test().length);
    assertEquals(1, split.validation().length);
    assertEquals(6, split.train().length);
  }

  @Test
  void manyTinyClassesGetTheWholeTestFraction() {
    // 50 classes of 2 rows: each class's 0.4 test rows would round to 0; largest remainder places
    // all 20, one in each of 20 classes, and every class keeps a training row.
    int[] strata = IntStream.range(0, 100).map(i -> i / 2).toArray();
    SplitIndices split = HoldoutSplitter.split("m", strata, 0.2, 0, 42);
    assertEquals(20, split.test().length);
    assertEquals(80, split.train().length);
    assertEquals(20, Arrays.stream(split.test()).map(row -> strata[row]).distinct().count());
    assertEquals(50, Arrays.stream(split.train()).map(row -> strata[row]).distinct().count());
    // Which classes give a row is the seed's choice, not the first 20 classes.
    SplitIndices other = HoldoutSplitter.split("m", strata, 0.2, 0, 7);
    assertFalse(Arrays.equals(Arrays.stream(split.test()).map(row -> strata[row]).toArray(),
        Arrays.stream(other.test()).map(row -> strata[row]).toArray()));
  }

  @Test
  void skewedClassesAreApportionedByLargestRemainder() {
    // 90, 9 and 1 rows. Test: quotas 18, 1.8 and 0.2 give 18, 2 and 0. Validation, in proportion
    // to the 72, 7 and 1 rows left: quotas 9, 0.875 and 0.125 give 9, 1 and 0.
    int[] strata = IntStream.range(0, 100).map(i -> i < 90 ? 0 : i < 99 ? 1 : 2).toArray();
    SplitIndices split = HoldoutSplitter.split("m", strata, 0.2, 0.1, 42);
    int[][] counts = new int[3][3];
    int[][] splits = {split.train(), split.validation(), split.test()};
    for (int p = 0; p < 3; p++) {
      for (int row : splits[p]) {
        counts[strata[row]][p]++;
      }
    }
    assertArrayEquals(new int[] {63, 9, 18}, counts[0]);
    assertArrayEquals(new int[] {6, 1, 2}, counts[1]);
    assertArrayEquals(new int[] {1, 0, 0}, counts[2]);
  }

  @Test
  void aFullClassPassesItsShareOn() {
    // 0.6 of 10 rows is 6 test rows: the three classes of one row keep theirs for training, so
    // their shares pass to the class of seven.
    int[] strata = {0, 0, 0, 0, 0, 0, 0, 1, 2, 3};
    SplitIndices split = HoldoutSplitter.split("m", strata, 0.6, 0, 42);
    assertEquals(6, split.test().length);
    assertTrue(Arrays.stream(split.test()).allMatch(row -> strata[row] == 0));
  }

  @Test
  void noValidationFractionMeansNoValidationRows() {
    SplitIndices split = HoldoutSplitter.split("m", new int[10], 0.2, 0, 42);
    assertEquals(0, split.validation().length);
    assertEquals(2, split.test().length);
    assertEquals(8, split.train().length);
  }

  @Test
  void smallDataStillFillsEverySplitAndKeepsATrainingRowPerClass() {
    // 2 rows per class: 2 * 0.2 rounds to 0 everywhere, yet test and validation get a row each.
    int[] strata = {0, 1, 0, 1};
    SplitIndices split = HoldoutSplitter.split("m", strata, 0.2, 0.2, 42);
    assertEquals(1, split.test().length);
    assertEquals(1, split.validation().length);
    assertEquals(2, split.train().length);
    assertTrue(Arrays.stream(split.train()).map(row -> strata[row]).distinct().count() == 2);

    // A class of one row trains; holding it out would leave the class unlearned.
    int[] single = {0, 0, 0, 0, 0, 1};
    SplitIndices kept = HoldoutSplitter.split("m", single, 0.5, 0.3, 42);
    assertTrue(Arrays.stream(kept.train()).anyMatch(row -> row == 5));
  }

  @Test
  void tooFewRowsIsAnError() {
    String message = assertThrows(InvalidInputException.class,
        () -> HoldoutSplitter.split("m", new int[] {0, 1, 2}, 0.2, 0.2, 42)).getMessage();
    assertEquals("m: 3 rows are too few to hold out a test set while every class keeps a training row;"
        + " add rows to the data.", message);
    String validation = assertThrows(InvalidInputException.class,
        () -> HoldoutSplitter.split("m", new int[] {0, 0}, 0.2, 0.2, 42)).getMessage();
    assertTrue(validation.endsWith("validation set while every class keeps a training row; add rows to"
        + " the data, or set @Split(validation = 0)."), validation);
  }

  @Test
  void fractionsMustLeaveTrainingRows() {
    String message = assertThrows(InvalidInputException.class,
        () -> HoldoutSplitter.split("m", CLASSES, 0.5, 0.5, 42)).getMessage();
    assertEquals("m: @Split(test = 0.5, validation = 0.5) is not a split: test must be in (0, 1),"
        + " validation in [0, 1), and together below 1 so that rows remain for training.", message);
  }
}

package dev.deepbuild.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class KFoldSplitterTest {
  /** 40 rows, the first 30 of class 0 and the last 10 of class 1; rows 0-3 are test rows. */
  private static final int[] STRATA = IntStream.range(0, 40).map(i -> i < 30 ? 0 : 1).toArray();
  private static final int[] TRAINING = IntStream.range(4, 40).toArray();

  @Test
  void foldsPartitionTheTrainingRowsInBalancedStratifiedFolds() {
    List<SplitIndices> folds = KFoldSplitter.folds("m", TRAINING, STRATA, 4, 7, 0);

    assertEquals(4, folds.size());
    int[] validated = folds.stream().flatMapToInt(f -> Arrays.stream(f.validation())).sorted().toArray();
    assertArrayEquals(TRAINING, validated);
    for (SplitIndices fold : folds) {
      assertEquals(9, fold.validation().length);
      int[] all = IntStream.concat(Arrays.stream(fold.train()), Arrays.stream(fold.validation()))
          .sorted().toArray();
      assertArrayEquals(TRAINING, all);
      long positives = Arrays.stream(fold.validation()).filter(row -> STRATA[row] == 1).count();
      assertTrue(positives == 2 || positives == 3, "class 1 in fold: " + positives);
      assertEquals(0, fold.test().length);
    }
  }

  @Test
  void sameSeedAndIterationGiveTheSameFoldsAndAnotherIterationReshuffles() {
    List<SplitIndices> first = KFoldSplitter.folds("m", TRAINING, STRATA, 4, 7, 0);
    List<SplitIndices> again = KFoldSplitter.folds("m", TRAINING, STRATA, 4, 7, 0);
    List<SplitIndices> next = KFoldSplitter.folds("m", TRAINING, STRATA, 4, 7, 1);
    for (int f = 0; f < 4; f++) {
      assertArrayEquals(first.get(f).validation(), again.get(f).validation());
    }
    assertFalse(Arrays.equals(first.get(0).validation(), next.get(0).validation()));
  }

  @Test
  void moreFoldsThanRowsIsAnError() {
    String message = assertThrows(InvalidInputException.class,
        () -> KFoldSplitter.folds("boston", new int[] {1, 2}, STRATA, 3, 7, 0)).getMessage();
    assertEquals("boston: @KFold(k = 3) needs at least 3 training rows, but there are 2; lower k.",
        message);
  }
}

package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.model.ModelSpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;

/** The hold-out split of a model's samples, by the source's own test split or the model's fractions. */
public final class DataSplits {
  private DataSplits() {}

  /**
   * Without a fixed test split, the model's fractions of all rows, shuffled with its seed. With one,
   * the dataset's test rows, then the model's validation fraction of the remaining training rows.
   *
   * @param strata each sample's class index (all 0 for regression), kept in proportion
   */
  public static SplitIndices of(ModelSpec spec, int[] strata, Optional<FixedTestSplit> fixedTest) {
    return of(spec, strata, fixedTest, Optional.empty());
  }

  /**
   * The same, where {@code fixedValidation} rows (a validation table of their own, appended after
   * the data's rows) are the validation data and only the other rows are split.
   */
  public static SplitIndices of(ModelSpec spec, int[] strata, Optional<FixedTestSplit> fixedTest,
      Optional<int[]> fixedValidation) {
    if (fixedValidation.isPresent()) {
      int[] validation = fixedValidation.get();
      int[] data = IntStream.range(0, strata.length)
          .filter(row -> Arrays.binarySearch(validation, row) < 0).toArray();
      SplitIndices within = HoldoutSplitter.split(spec.name(), select(strata, data),
          spec.testFraction(), 0, spec.seed());
      return new SplitIndices(map(within.train(), data), validation, map(within.test(), data));
    }
    if (fixedTest.isEmpty()) {
      return HoldoutSplitter.split(spec.name(), strata, spec.testFraction(),
          spec.validationFraction(), spec.seed());
    }
    FixedTestSplit test = fixedTest.get();
    SplitIndices dataset = given(strata.length, test.testRows(spec.name(), strata));
    if (spec.validationFraction() == 0) {
      return dataset;
    }
    int[] training = dataset.train();
    SplitIndices within = HoldoutSplitter.split(spec.name(), select(strata, training),
        spec.validationFraction(), 0, spec.seed());
    return new SplitIndices(map(within.train(), training), map(within.test(), training),
        dataset.test());
  }

  /** Every row but the given test rows for training. */
  private static SplitIndices given(int size, int[] testRows) {
    int[] train = IntStream.range(0, size).filter(row -> Arrays.binarySearch(testRows, row) < 0)
        .toArray();
    return new SplitIndices(train, new int[0], testRows);
  }

  /** The values of {@code values} at {@code rows}. */
  static int[] select(int[] values, int[] rows) {
    return Arrays.stream(rows).map(row -> values[row]).toArray();
  }

  /** Positions within {@code rows} turned back into the rows themselves, ascending. */
  static int[] map(int[] positions, int[] rows) {
    return Arrays.stream(positions).map(position -> rows[position]).sorted().toArray();
  }
}

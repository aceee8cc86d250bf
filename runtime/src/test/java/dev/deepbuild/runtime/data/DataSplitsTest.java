package dev.deepbuild.runtime.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.model.ModelSpec;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class DataSplitsTest {
  private static final int[] STRATA = IntStream.range(0, 100).map(i -> i % 2).toArray();
  private static final FixedTestSplit HALF = new FixedTestSplit(0.5, 113);

  @Test
  void aFixedTestSplitIsTheSameWhateverTheModelsSeed() {
    SplitIndices one = DataSplits.of(spec(1, 0), STRATA, Optional.of(HALF));
    SplitIndices other = DataSplits.of(spec(2, 0.2), STRATA, Optional.of(HALF));

    assertEquals(50, one.test().length);
    assertArrayEquals(one.test(), other.test());
    assertEquals(0, one.validation().length);
  }

  @Test
  void theValidationFractionIsTakenFromTheTrainingRowsOnly() {
    SplitIndices split = DataSplits.of(spec(1, 0.2), STRATA, Optional.of(HALF));

    assertEquals(10, split.validation().length);
    assertEquals(40, split.train().length);
    int[] all = IntStream.concat(IntStream.concat(Arrays.stream(split.train()),
        Arrays.stream(split.validation())), Arrays.stream(split.test())).sorted().toArray();
    assertArrayEquals(IntStream.range(0, 100).toArray(), all);
    assertEquals(5, Arrays.stream(split.validation()).filter(row -> STRATA[row] == 1).count());
  }

  private static ModelSpec spec(long seed, double validation) {
    return ModelSpec.builder("imdb").seed(seed).data(BuiltinSource.of(BuiltinDataset.IMDB))
        .validationFraction(validation).build();
  }
}

package dev.deepbuild.runtime.data;

import java.util.Optional;
import java.util.function.UnaryOperator;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.MultiDataSet;

/**
 * The splits as the network consumes them, through the batch seam: features gathered into one
 * array per input and per output, standardized when asked to, or images that build each minibatch
 * themselves.
 *
 * @param validation absent when the split has no validation rows
 * @param test absent when the split has no test rows (a cross-validation fold)
 * @param normalizer the standardization fitted on the training split, when the model standardizes
 */
public record PreparedData(
    Batches train,
    Optional<Batches> validation,
    Optional<Batches> test,
    Optional<Standardization> normalizer) {

  /**
   * Builds each split's arrays in the network's data type and, if {@code standardize}, fits a
   * {@link Standardization} on the training split only, each input its own, and applies it to the
   * others: nothing about held-out rows leaks into training. A feature that is constant in the
   * training split has a standard deviation of 0, which DL4J floors at 1e-5, so it becomes 0 rather
   * than NaN. Images keep their own minibatches ({@link Features#batches}); only the training
   * split's are augmented.
   *
   */
  public static PreparedData of(ModelData data, SplitIndices split, DataType type,
      boolean standardize) {
    Optional<Batches> own = data.batches(split.train(), type, true);
    if (own.isPresent()) {
      if (standardize) {
        // ImageExamples refuses @Standardize with images, naming the model and the fix.
        throw new IllegalArgumentException("images are rescaled, not standardized");
      }
      return new PreparedData(own.get(), ownRows(data, split.validation(), type),
          ownRows(data, split.test(), type), Optional.empty());
    }
    MultiDataSet train = data.rows(split.train(), type);
    Optional<MultiDataSet> validation = optionalRows(data, split.validation(), type);
    Optional<MultiDataSet> test = optionalRows(data, split.test(), type);
    Optional<Standardization> normalizer = Optional.empty();
    if (standardize) {
      Standardization standardization = Standardization.fit(train);
      standardization.transform(train);
      validation.ifPresent(standardization::transform);
      test.ifPresent(standardization::transform);
      normalizer = Optional.of(standardization);
    }
    return new PreparedData(Batches.inMemory(train), validation.map(Batches::inMemory),
        test.map(Batches::inMemory), normalizer);
  }

  /** The same for one input and one output. */
  public static PreparedData of(Features features, double[][] labels, SplitIndices split,
      DataType type, boolean standardize) {
    return of(ModelData.of(features, labels), split, type, standardize);
  }

  /** Every split mapped by {@code splits}, such as to a frozen base's outputs. */
  public PreparedData map(UnaryOperator<Batches> splits) {
    return new PreparedData(splits.apply(train), validation.map(splits), test.map(splits),
        normalizer);
  }

  private static Optional<MultiDataSet> optionalRows(ModelData data, int[] rows, DataType type) {
    return rows.length == 0 ? Optional.empty() : Optional.of(data.rows(rows, type));
  }

  private static Optional<Batches> ownRows(ModelData data, int[] rows, DataType type) {
    return rows.length == 0 ? Optional.empty() : data.batches(rows, type, false);
  }
}

package dev.deepbuild.runtime.data;

import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * The splits as the network consumes them, standardized when asked to.
 *
 * @param validation absent when the split has no validation rows
 * @param test absent when the split has no test rows (a cross-validation fold)
 * @param normalizer the standardization fitted on the training split, when the model standardizes
 */
public record PreparedData(
    DataSet train,
    Optional<DataSet> validation,
    Optional<DataSet> test,
    Optional<NormalizerStandardize> normalizer) {

  /**
   * Builds each split's arrays in the network's data type and, if {@code standardize}, fits
   * {@link NormalizerStandardize} on the training split only and applies it to the others: nothing
   * about held-out rows leaks into training. A feature that is constant in the training split has
   * a standard deviation of 0, which DL4J floors at 1e-5, so it becomes 0 rather than NaN.
   */
  public static PreparedData of(Features features, double[][] labels, SplitIndices split,
      DataType type, boolean standardize) {
    DataSet train = rows(features, labels, split.train(), type);
    Optional<DataSet> validation = optionalRows(features, labels, split.validation(), type);
    Optional<DataSet> test = optionalRows(features, labels, split.test(), type);
    if (!standardize) {
      return new PreparedData(train, validation, test, Optional.empty());
    }
    NormalizerStandardize normalizer = new NormalizerStandardize();
    normalizer.fit(train);
    normalizer.transform(train);
    validation.ifPresent(normalizer::transform);
    test.ifPresent(normalizer::transform);
    return new PreparedData(train, validation, test, Optional.of(normalizer));
  }

  private static Optional<DataSet> optionalRows(
      Features features, double[][] labels, int[] rows, DataType type) {
    return rows.length == 0 ? Optional.empty() : Optional.of(rows(features, labels, rows, type));
  }

  private static DataSet rows(Features features, double[][] labels, int[] rows, DataType type) {
    return new DataSet(features.rows(rows, type), TableFeatures.of(labels).rows(rows, type));
  }
}

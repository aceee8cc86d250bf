package dev.deepbuild.runtime.data;

import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;

/**
 * The splits as the network consumes them, one array per input and per output, standardized when
 * asked to.
 *
 * @param validation absent when the split has no validation rows
 * @param test absent when the split has no test rows (a cross-validation fold)
 * @param normalizer the standardization fitted on the training split, when the model standardizes
 */
public record PreparedData(
    org.nd4j.linalg.dataset.api.MultiDataSet train,
    Optional<org.nd4j.linalg.dataset.api.MultiDataSet> validation,
    Optional<org.nd4j.linalg.dataset.api.MultiDataSet> test,
    Optional<NormalizerStandardize> normalizer) {

  /**
   * Builds each split's arrays in the network's data type and, if {@code standardize}, fits
   * {@link NormalizerStandardize} on the training split only and applies it to the others: nothing
   * about held-out rows leaks into training. A feature that is constant in the training split has
   * a standard deviation of 0, which DL4J floors at 1e-5, so it becomes 0 rather than NaN.
   * Standardizing is for one input, a table's row of features.
   */
  public static PreparedData of(ModelData data, SplitIndices split, DataType type,
      boolean standardize) {
    MultiDataSet train = data.rows(split.train(), type);
    Optional<org.nd4j.linalg.dataset.api.MultiDataSet> validation =
        optionalRows(data, split.validation(), type);
    Optional<org.nd4j.linalg.dataset.api.MultiDataSet> test = optionalRows(data, split.test(), type);
    if (!standardize) {
      return new PreparedData(train, validation, test, Optional.empty());
    }
    if (data.inputs().size() != 1) {
      throw new IllegalArgumentException("standardization is for a network of one input");
    }
    NormalizerStandardize normalizer = new NormalizerStandardize();
    normalizer.fit(new DataSet(train.getFeatures(0), train.getLabels(0)));
    normalizer.transform(train.getFeatures(0));
    validation.ifPresent(v -> normalizer.transform(v.getFeatures(0)));
    test.ifPresent(t -> normalizer.transform(t.getFeatures(0)));
    return new PreparedData(train, validation, test, Optional.of(normalizer));
  }

  /** The same for one input and one output. */
  public static PreparedData of(Features features, double[][] labels, SplitIndices split,
      DataType type, boolean standardize) {
    return of(ModelData.of(features, labels), split, type, standardize);
  }

  private static Optional<org.nd4j.linalg.dataset.api.MultiDataSet> optionalRows(
      ModelData data, int[] rows, DataType type) {
    return rows.length == 0 ? Optional.empty() : Optional.of(data.rows(rows, type));
  }
}

package dev.deepbuild.runtime.data;

import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The splits as the network consumes them, standardized when asked to.
 *
 * @param validation absent when the model holds out no validation data
 * @param normalizer the standardization fitted on the training split, when the model standardizes
 */
public record PreparedData(
    DataSet train,
    Optional<DataSet> validation,
    DataSet test,
    Optional<NormalizerStandardize> normalizer) {

  /**
   * Builds each split's arrays in the network's data type and, if {@code standardize}, fits
   * {@link NormalizerStandardize} on the training split only and applies it to all three: nothing
   * about held-out rows leaks into training. A feature that is constant in the training split has
   * a standard deviation of 0, which DL4J floors at 1e-5, so it becomes 0 rather than NaN.
   */
  public static PreparedData of(double[][] features, double[][] labels, SplitIndices split,
      DataType type, boolean standardize) {
    DataSet train = rows(features, labels, split.train(), type);
    Optional<DataSet> validation = split.validation().length == 0
        ? Optional.empty()
        : Optional.of(rows(features, labels, split.validation(), type));
    DataSet test = rows(features, labels, split.test(), type);
    if (!standardize) {
      return new PreparedData(train, validation, test, Optional.empty());
    }
    NormalizerStandardize normalizer = new NormalizerStandardize();
    normalizer.fit(train);
    normalizer.transform(train);
    validation.ifPresent(normalizer::transform);
    normalizer.transform(test);
    return new PreparedData(train, validation, test, Optional.of(normalizer));
  }

  private static DataSet rows(double[][] features, double[][] labels, int[] rows, DataType type) {
    return new DataSet(select(features, rows, type), select(labels, rows, type));
  }

  private static INDArray select(double[][] values, int[] rows, DataType type) {
    double[][] selected = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      selected[i] = values[rows[i]];
    }
    return Nd4j.createFromArray(selected).castTo(type);
  }
}

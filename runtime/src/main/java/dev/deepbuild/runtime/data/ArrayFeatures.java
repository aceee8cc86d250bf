package dev.deepbuild.runtime.data;

import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Features given as one array of {@code [samples, width]}, such as a data provider returns.
 *
 * @param values the array, one row per sample
 */
public record ArrayFeatures(INDArray values) implements Features {
  public ArrayFeatures {
    Objects.requireNonNull(values, "values");
    if (values.rank() != 2) {
      throw new IllegalArgumentException("features are [samples, width], not rank " + values.rank());
    }
  }

  @Override
  public int columns() {
    return (int) values.columns();
  }

  @Override
  public INDArray rows(int[] rows, DataType type) {
    return values.getRows(rows).castTo(type);
  }
}

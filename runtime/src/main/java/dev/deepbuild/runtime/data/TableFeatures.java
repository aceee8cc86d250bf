package dev.deepbuild.runtime.data;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Features read from a table, held as one array of doubles per row. */
public record TableFeatures(double[][] values, int columns) implements Features {

  public static TableFeatures of(double[][] values) {
    return new TableFeatures(values, values.length == 0 ? 0 : values[0].length);
  }

  @Override
  public INDArray rows(int[] rows, DataType type) {
    double[][] selected = new double[rows.length][];
    for (int i = 0; i < rows.length; i++) {
      selected[i] = values[rows[i]];
    }
    return Nd4j.createFromArray(selected).castTo(type);
  }
}

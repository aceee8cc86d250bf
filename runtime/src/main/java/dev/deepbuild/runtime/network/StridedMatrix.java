package dev.deepbuild.runtime.network;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A matrix's elements by row and column, read and written in place through its buffer, offset and
 * strides: no native call and no copy, whatever its order or whether it is a view, so that Java
 * loops over a minibatch cost what their arithmetic costs.
 */
public abstract class StridedMatrix {
  final int offset;
  final int rowStride;
  final int columnStride;

  StridedMatrix(INDArray array) {
    this.offset = Math.toIntExact(array.offset());
    this.rowStride = Math.toIntExact(array.stride(0));
    this.columnStride = Math.toIntExact(array.stride(1));
  }

  /** The matrix {@code array}, of FLOAT or DOUBLE elements. */
  public static StridedMatrix of(INDArray array) {
    if (array.rank() != 2) {
      throw new IllegalArgumentException("a matrix was expected, not shape "
          + java.util.Arrays.toString(array.shape()));
    }
    if (array.dataType() == DataType.FLOAT) {
      return new Floats(array);
    }
    if (array.dataType() == DataType.DOUBLE) {
      return new Doubles(array);
    }
    throw new IllegalArgumentException("FLOAT or DOUBLE elements were expected, not "
        + array.dataType());
  }

  int at(int row, int column) {
    return offset + row * rowStride + column * columnStride;
  }

  /** The element at {@code index} of the buffer. */
  abstract double element(int index);

  /** Sets the element at {@code index} of the buffer, rounded to its data type. */
  abstract void element(int index, double value);

  /** The element at {@code row}, {@code column}. */
  public double get(int row, int column) {
    return element(at(row, column));
  }

  void put(int row, int column, double value) {
    element(at(row, column), value);
  }

  /**
   * {@code start} plus the elements of {@code column} in rows {@code rows[from..to)}, in order.
   */
  double sum(int column, int[] rows, int from, int to, double start) {
    int base = offset + column * columnStride;
    double sum = start;
    for (int t = from; t < to; t++) {
      sum += element(base + rows[t] * rowStride);
    }
    return sum;
  }

  /** Adds {@code value} to the elements of {@code column} in rows {@code rows[from..to)}. */
  void add(int column, int[] rows, int from, int to, double value) {
    int base = offset + column * columnStride;
    for (int t = from; t < to; t++) {
      int at = base + rows[t] * rowStride;
      element(at, element(at) + value);
    }
  }

  private static final class Floats extends StridedMatrix {
    private final FloatBuffer buffer;

    Floats(INDArray array) {
      super(array);
      this.buffer = array.data().asNioFloat();
    }

    @Override
    double element(int index) {
      return buffer.get(index);
    }

    @Override
    void element(int index, double value) {
      buffer.put(index, (float) value);
    }
  }

  private static final class Doubles extends StridedMatrix {
    private final DoubleBuffer buffer;

    Doubles(INDArray array) {
      super(array);
      this.buffer = array.data().asNioDouble();
    }

    @Override
    double element(int index) {
      return buffer.get(index);
    }

    @Override
    void element(int index, double value) {
      buffer.put(index, value);
    }
  }
}

package dev.deepbuild.runtime.network;

import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The arithmetic of {@link MultiHotDense} on matrices of any strides, in place, through their
 * native buffers: per row the sum of the weight rows of its word indices (forward) and the
 * scatter-add of its pre-activation gradient into those rows (backward). Plain loops in a fixed
 * order, so the same inputs give the same bits; sums are taken in double precision. A row's
 * indices come first and end at its first negative value, the padding.
 */
final class WordBags {
  private WordBags() {}

  /**
   * Writes {@code words · weights + bias} into {@code out}, {@code [batch, nOut]}, where
   * {@code words} are the rows' word indices and {@code weights} is {@code [nIn, nOut]}.
   *
   * @throws IllegalArgumentException for an index that is not a whole number below {@code nIn}
   */
  static void forward(INDArray words, INDArray weights, INDArray bias, INDArray out) {
    Matrix w = Matrix.of(weights);
    Matrix b = Matrix.of(bias.reshape(1, bias.length()));
    Matrix z = Matrix.of(out);
    Matrix in = Matrix.of(words);
    int units = (int) weights.columns();
    int[] present = new int[(int) words.columns()];
    for (int row = 0; row < words.rows(); row++) {
      int count = indices(in, row, (int) weights.rows(), present);
      for (int unit = 0; unit < units; unit++) {
        double sum = b.get(0, unit);
        for (int t = 0; t < count; t++) {
          sum += w.get(present[t], unit);
        }
        z.put(row, unit, sum);
      }
    }
  }

  /**
   * Sets {@code weightGradient}, {@code [nIn, nOut]}, to {@code wordsᵀ · delta}: each row of
   * {@code delta}, {@code [batch, nOut]}, added into the rows of its words, the rest 0.
   */
  static void weightGradient(INDArray words, INDArray delta, INDArray weightGradient) {
    weightGradient.assign(0);
    Matrix g = Matrix.of(weightGradient);
    Matrix d = Matrix.of(delta);
    Matrix in = Matrix.of(words);
    int units = (int) delta.columns();
    int[] present = new int[(int) words.columns()];
    for (int row = 0; row < words.rows(); row++) {
      int count = indices(in, row, (int) weightGradient.rows(), present);
      for (int unit = 0; unit < units; unit++) {
        double value = d.get(row, unit);
        for (int t = 0; t < count; t++) {
          g.add(present[t], unit, value);
        }
      }
    }
  }

  /**
   * Reads row {@code row}'s word indices into {@code present}; returns how many there are. They
   * must increase, as a multi-hot text's distinct words do, which also tells a dense 0/1 row
   * (its zeros repeat) from word indices.
   */
  private static int indices(Matrix words, int row, int vocabulary, int[] present) {
    int count = 0;
    int previous = -1;
    for (int k = 0; k < present.length; k++) {
      double value = words.get(row, k);
      if (value < 0) {
        break;
      }
      int index = (int) value;
      if (index != value || index >= vocabulary || index <= previous) {
        throw new IllegalArgumentException("row " + row + " has the word index " + value
            + " at " + k + ", but MultiHotDense takes increasing whole indices below its nIn, "
            + vocabulary + ", then negative padding: give it EncodedTexts.toTokenIndices rows,"
            + " not dense multi-hot rows.");
      }
      present[count++] = index;
      previous = index;
    }
    return count;
  }

  /** A matrix's elements by row and column, through its buffer, offset and strides. */
  private abstract static class Matrix {
    final int offset;
    final int rowStride;
    final int columnStride;

    Matrix(INDArray array) {
      this.offset = Math.toIntExact(array.offset());
      this.rowStride = Math.toIntExact(array.stride(0));
      this.columnStride = Math.toIntExact(array.stride(1));
    }

    static Matrix of(INDArray array) {
      if (array.rank() != 2) {
        throw new IllegalArgumentException("MultiHotDense takes matrices, not shape "
            + java.util.Arrays.toString(array.shape()));
      }
      if (array.dataType() == DataType.FLOAT) {
        return new Floats(array);
      }
      if (array.dataType() == DataType.DOUBLE) {
        return new Doubles(array);
      }
      throw new IllegalArgumentException("MultiHotDense computes in FLOAT or DOUBLE, not "
          + array.dataType());
    }

    int at(int row, int column) {
      return offset + row * rowStride + column * columnStride;
    }

    abstract double get(int row, int column);

    abstract void put(int row, int column, double value);

    abstract void add(int row, int column, double value);
  }

  private static final class Floats extends Matrix {
    private final FloatBuffer buffer;

    Floats(INDArray array) {
      super(array);
      this.buffer = array.data().asNioFloat();
    }

    @Override
    double get(int row, int column) {
      return buffer.get(at(row, column));
    }

    @Override
    void put(int row, int column, double value) {
      buffer.put(at(row, column), (float) value);
    }

    @Override
    void add(int row, int column, double value) {
      int at = at(row, column);
      buffer.put(at, (float) (buffer.get(at) + value));
    }
  }

  private static final class Doubles extends Matrix {
    private final DoubleBuffer buffer;

    Doubles(INDArray array) {
      super(array);
      this.buffer = array.data().asNioDouble();
    }

    @Override
    double get(int row, int column) {
      return buffer.get(at(row, column));
    }

    @Override
    void put(int row, int column, double value) {
      buffer.put(at(row, column), value);
    }

    @Override
    void add(int row, int column, double value) {
      int at = at(row, column);
      buffer.put(at, buffer.get(at) + value);
    }
  }
}

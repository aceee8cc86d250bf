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
 *
 * <p>The loops run unit by unit, all rows of the minibatch for one unit, because DL4J keeps a
 * dense layer's weights in column-major order: one unit's weights over the whole vocabulary are
 * contiguous (40 KB for 10,000 words, held in the fastest cache while every row gathers from it),
 * where a word's weights for all units are 10,000 elements apart. Row by row this cost 4.6 ms a
 * Reuters minibatch, unit by unit 3.0 ms. Each (row, unit) sum still adds its row's words in
 * their order, and each gradient element the rows in theirs, so the bits are those of any order.
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
    Indices rows = Indices.of(Matrix.of(words), (int) words.rows(), (int) words.columns(),
        (int) weights.rows());
    int units = (int) weights.columns();
    for (int unit = 0; unit < units; unit++) {
      double start = b.get(0, unit);
      for (int row = 0; row < rows.count(); row++) {
        z.put(row, unit, w.sum(unit, rows.indices(), rows.start(row), rows.start(row + 1), start));
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
    Indices rows = Indices.of(Matrix.of(words), (int) words.rows(), (int) words.columns(),
        (int) weightGradient.rows());
    int units = (int) delta.columns();
    for (int unit = 0; unit < units; unit++) {
      for (int row = 0; row < rows.count(); row++) {
        g.add(unit, rows.indices(), rows.start(row), rows.start(row + 1), d.get(row, unit));
      }
    }
  }

  /**
   * {@code matrix}'s elements row by row, in {@code into} when it has room; a heap copy that costs
   * no native allocation, and no garbage the collector must find before native memory is freed.
   */
  static double[] copy(INDArray matrix, double[] into) {
    Matrix m = Matrix.of(matrix);
    int rows = (int) matrix.rows();
    int columns = (int) matrix.columns();
    double[] values = into != null && into.length >= rows * columns ? into : new double[rows * columns];
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        values[row * columns + column] = m.get(row, column);
      }
    }
    return values;
  }

  /** Writes {@code values}, as {@link #copy} gave them, into {@code matrix}. */
  static void paste(double[] values, INDArray matrix) {
    Matrix m = Matrix.of(matrix);
    int rows = (int) matrix.rows();
    int columns = (int) matrix.columns();
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        m.put(row, column, values[row * columns + column]);
      }
    }
  }

  /** The word indices of a minibatch's rows, read and checked once for all units. */
  private record Indices(int[] indices, int[] starts) {
    /**
     * Reads each row's word indices. They must increase, as a multi-hot text's distinct words
     * do, which also tells a dense 0/1 row (its zeros repeat) from word indices.
     */
    static Indices of(Matrix words, int rows, int columns, int vocabulary) {
      int[] indices = new int[rows * columns];
      int[] starts = new int[rows + 1];
      int count = 0;
      for (int row = 0; row < rows; row++) {
        starts[row] = count;
        int previous = -1;
        for (int k = 0; k < columns; k++) {
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
          indices[count++] = index;
          previous = index;
        }
      }
      starts[rows] = count;
      return new Indices(indices, starts);
    }

    int count() {
      return starts.length - 1;
    }

    int start(int row) {
      return starts[row];
    }
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

    /** {@code start} plus the elements of {@code column} in rows {@code rows[from..to)}, in order. */
    abstract double sum(int column, int[] rows, int from, int to, double start);

    /** Adds {@code value} to the elements of {@code column} in rows {@code rows[from..to)}. */
    abstract void add(int column, int[] rows, int from, int to, double value);
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
    double sum(int column, int[] rows, int from, int to, double start) {
      int base = offset + column * columnStride;
      double sum = start;
      for (int t = from; t < to; t++) {
        sum += buffer.get(base + rows[t] * rowStride);
      }
      return sum;
    }

    @Override
    void add(int column, int[] rows, int from, int to, double value) {
      int base = offset + column * columnStride;
      for (int t = from; t < to; t++) {
        int at = base + rows[t] * rowStride;
        buffer.put(at, (float) (buffer.get(at) + value));
      }
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
    double sum(int column, int[] rows, int from, int to, double start) {
      int base = offset + column * columnStride;
      double sum = start;
      for (int t = from; t < to; t++) {
        sum += buffer.get(base + rows[t] * rowStride);
      }
      return sum;
    }

    @Override
    void add(int column, int[] rows, int from, int to, double value) {
      int base = offset + column * columnStride;
      for (int t = from; t < to; t++) {
        int at = base + rows[t] * rowStride;
        buffer.put(at, buffer.get(at) + value);
      }
    }
  }
}

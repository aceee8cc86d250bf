package dev.deepbuild.runtime.network;

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
   * {@code rows} are the rows' word indices ({@link Indices#of}) and {@code weights} is
   * {@code [nIn, nOut]}.
   */
  static void forward(Indices rows, INDArray weights, INDArray bias, INDArray out) {
    StridedMatrix w = StridedMatrix.of(weights);
    StridedMatrix b = StridedMatrix.of(bias.reshape(1, bias.length()));
    StridedMatrix z = StridedMatrix.of(out);
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
  static void weightGradient(Indices rows, INDArray delta, INDArray weightGradient) {
    weightGradient.assign(0);
    StridedMatrix g = StridedMatrix.of(weightGradient);
    StridedMatrix d = StridedMatrix.of(delta);
    int units = (int) delta.columns();
    for (int unit = 0; unit < units; unit++) {
      for (int row = 0; row < rows.count(); row++) {
        double value = d.get(row, unit);
        // A unit a ReLU kept at 0 passes no gradient: about half of them. Adding a zero leaves
        // every element's bits as they are (they start at +0 and never become -0).
        if (value != 0) {
          g.add(unit, rows.indices(), rows.start(row), rows.start(row + 1), value);
        }
      }
    }
  }

  /**
   * Writes into {@code out}, {@code [batch, Σ k]}, each row's word indices of every input in turn,
   * those of input {@code i} shifted by the widths before it, then -1: the word indices of the
   * concatenated multi-hot rows ({@link MultiHotConcat}).
   *
   * @param words each input's word indices, {@code [batch, k]}
   * @param widths each input's vocabulary width
   * @param inputs each input's {@link Indices} of the previous call, whose arrays this one reuses
   *     (null at first); replaced by this call's
   * @throws IllegalArgumentException for an index that is not a whole number below its width
   */
  static void concatenate(INDArray[] words, long[] widths, INDArray out, Indices[] inputs) {
    StridedMatrix to = StridedMatrix.of(out);
    int rows = (int) out.rows();
    int columns = (int) out.columns();
    for (int i = 0; i < words.length; i++) {
      inputs[i] = Indices.of(words[i], Math.toIntExact(widths[i]), inputs[i]);
    }
    for (int row = 0; row < rows; row++) {
      int column = 0;
      long shift = 0;
      for (int i = 0; i < words.length; i++) {
        for (int t = inputs[i].start(row); t < inputs[i].start(row + 1); t++) {
          to.put(row, column++, inputs[i].indices()[t] + shift);
        }
        shift += widths[i];
      }
      while (column < columns) {
        to.put(row, column++, -1);
      }
    }
  }

  /**
   * {@code matrix}'s elements row by row, in {@code into} when it has room; a heap copy that costs
   * no native allocation, and no garbage the collector must find before native memory is freed.
   */
  static double[] copy(INDArray matrix, double[] into) {
    StridedMatrix m = StridedMatrix.of(matrix);
    int rows = (int) matrix.rows();
    int columns = (int) matrix.columns();
    double[] values = into != null && into.length >= rows * columns ? into
        : new double[rows * columns];
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        values[row * columns + column] = m.get(row, column);
      }
    }
    return values;
  }

  /** Writes {@code values}, as {@link #copy} gave them, into {@code matrix}. */
  static void paste(double[] values, INDArray matrix) {
    StridedMatrix m = StridedMatrix.of(matrix);
    int rows = (int) matrix.rows();
    int columns = (int) matrix.columns();
    for (int row = 0; row < rows; row++) {
      for (int column = 0; column < columns; column++) {
        m.put(row, column, values[row * columns + column]);
      }
    }
  }

  /**
   * The word indices of a minibatch's rows, read and checked once for the forward and the backward
   * pass and all units; its arrays are reused by the next minibatch's ({@link #of}), so a
   * minibatch leaves no garbage for the collector.
   */
  static final class Indices {
    private int[] indices;
    private int[] starts;
    private int rows;

    private Indices(int[] indices, int[] starts) {
      this.indices = indices;
      this.starts = starts;
    }

    /**
     * Reads each row's word indices from {@code words}, {@code [batch, k]}, into the arrays of
     * {@code reuse} when it is given and large enough. They must increase, as a multi-hot text's
     * distinct words do, which also tells a dense 0/1 row (its zeros repeat) from word indices.
     *
     * @throws IllegalArgumentException for an index that is not a whole number below {@code
     *     vocabulary}
     */
    static Indices of(INDArray words, int vocabulary, Indices reuse) {
      StridedMatrix in = StridedMatrix.of(words);
      int rows = (int) words.rows();
      int columns = (int) words.columns();
      Indices parsed = reuse != null && reuse.indices.length >= rows * columns
          && reuse.starts.length >= rows + 1 ? reuse
          : new Indices(new int[rows * columns], new int[rows + 1]);
      parsed.rows = rows;
      int count = 0;
      for (int row = 0; row < rows; row++) {
        parsed.starts[row] = count;
        int previous = -1;
        for (int k = 0; k < columns; k++) {
          double value = in.get(row, k);
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
          parsed.indices[count++] = index;
          previous = index;
        }
      }
      parsed.starts[rows] = count;
      return parsed;
    }

    int count() {
      return rows;
    }

    int start(int row) {
      return starts[row];
    }

    int[] indices() {
      return indices;
    }
  }
}

package dev.deepbuild.runtime.text;

import dev.deepbuild.annotations.OutputMode;
import java.nio.DoubleBuffer;
import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.Objects;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Vectorized texts, kept sparse: per text only the indices that are not 0, so 50,000 IMDB reviews
 * take about 26 MB where their dense multi-hot rows would take 2 GB. Dense rows are made for the
 * rows asked for, such as one minibatch.
 *
 * <ul>
 *   <li>{@link OutputMode#MULTI_HOT}: per text its distinct vocabulary indices in increasing order;
 *       a dense row has {@link #width()} = {@code maxTokens} columns, 1 at those indices. Words
 *       outside the vocabulary are dropped. Columns past the vocabulary's size (a small corpus) are
 *       always 0, so the width does not depend on the data.
 *   <li>{@link OutputMode#INT}: per text its first {@link #width()} (the sequence length) word
 *       indices in order: 1 for a word outside the vocabulary, 2 + the vocabulary index for a word
 *       in it; a dense row is padded with 0 at the end.
 * </ul>
 */
public final class EncodedTexts {
  /** The index of padding in {@link OutputMode#INT}. */
  public static final int PADDING = 0;
  /** The index of a word outside the vocabulary in {@link OutputMode#INT}. */
  public static final int OUT_OF_VOCABULARY = 1;
  /** The index of the vocabulary's first word in {@link OutputMode#INT}. */
  public static final int FIRST_WORD = 2;

  private final OutputMode mode;
  private final int maxTokens;
  private final int sequenceLength;
  private final Vocabulary vocabulary;
  private final int[] offsets;
  private final int[] values;

  /**
   * @param maxTokens multi-hot columns, or INT indices including padding and out-of-vocabulary
   * @param sequenceLength the INT sequence length; 0 for multi-hot
   * @param offsets text {@code i}'s indices are {@code values[offsets[i] .. offsets[i + 1])}; both
   *     arrays are kept, not copied
   * @throws IllegalArgumentException when the indices do not fit the mode, sizes and vocabulary
   */
  EncodedTexts(OutputMode mode, int maxTokens, int sequenceLength, Vocabulary vocabulary,
      int[] offsets, int[] values) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.maxTokens = maxTokens;
    this.sequenceLength = sequenceLength;
    this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
    this.offsets = offsets;
    this.values = values;
    checkShape();
    for (int text = 0; text < size(); text++) {
      checkText(text);
    }
  }

  public OutputMode mode() {
    return mode;
  }

  /** Multi-hot columns, or INT indices including padding and out-of-vocabulary. */
  public int maxTokens() {
    return maxTokens;
  }

  /** The INT sequence length; 0 for multi-hot. */
  public int sequenceLength() {
    return sequenceLength;
  }

  /** The number of values in a dense row: the columns of multi-hot, the sequence length of INT. */
  public int width() {
    return mode == OutputMode.MULTI_HOT ? maxTokens : sequenceLength;
  }

  /** The words learned from the training texts; see the class comment for how indices map to them. */
  public Vocabulary vocabulary() {
    return vocabulary;
  }

  /** The number of texts. */
  public int size() {
    return offsets.length - 1;
  }

  /** Text {@code text}'s indices that are not 0, as described in the class comment; a copy. */
  public int[] indices(int text) {
    return Arrays.copyOfRange(values, offsets[text], offsets[text + 1]);
  }

  /** All texts' indices end to end, for the cache file; shared, not to be modified. */
  int[] values() {
    return values;
  }

  /** Where each text's indices start in {@link #values()}, plus the end; shared, not to be modified. */
  int[] offsets() {
    return offsets;
  }

  /** The value after a text's indices in {@link #toTokenIndices}: no word. */
  public static final int NO_WORD = -1;

  /**
   * Multi-hot texts {@code rows} as the indices of their words rather than their 0/1 rows, for a
   * layer that sums the weights of the words present ({@code network.MultiHotDense}): a matrix
   * [rows, k] of {@code type}, k the most words a text of these rows has (at least 1), each row
   * its indices in increasing order, then {@link #NO_WORD}. IMDB's training split is about 11 times
   * smaller so than its dense rows, and no row of 10,000 values is ever written.
   *
   * @throws IllegalStateException for INT texts, which are indices already
   */
  public INDArray toTokenIndices(int[] rows, DataType type) {
    if (mode != OutputMode.MULTI_HOT) {
      throw new IllegalStateException("only multi-hot texts have token-index rows; " + mode
          + " texts are word sequences already");
    }
    int width = 1;
    for (int text : rows) {
      width = Math.max(width, offsets[text + 1] - offsets[text]);
    }
    INDArray array = Nd4j.create(type, rows.length, width);
    float[] row = new float[width];
    for (int r = 0; r < rows.length; r++) {
      int start = offsets[rows[r]];
      int count = offsets[rows[r] + 1] - start;
      for (int k = 0; k < width; k++) {
        row[k] = k < count ? values[start + k] : NO_WORD;
      }
      putRow(array, r, row);
    }
    return array;
  }

  /** Writes {@code row} into row {@code r} of a new C-order matrix, in bulk when it holds floats. */
  private static void putRow(INDArray array, int r, float[] row) {
    if (array.dataType() == DataType.FLOAT) {
      FloatBuffer buffer = array.data().asNioFloat();
      buffer.position(Math.toIntExact(array.offset() + (long) r * row.length));
      buffer.put(row);
    } else {
      for (int k = 0; k < row.length; k++) {
        array.putScalar(r, k, row[k]);
      }
    }
  }

  /**
   * Writes the dense rows of texts {@code rows}, one after the other ({@code rows.length x width()},
   * row-major), into {@code target} from index 0, overwriting them entirely.
   */
  public void fill(int[] rows, float[] target) {
    int width = width();
    if (target.length < (long) rows.length * width) {
      throw new IllegalArgumentException("the target holds " + target.length + " values, but "
          + rows.length + " rows of " + width + " need " + (long) rows.length * width);
    }
    for (int r = 0; r < rows.length; r++) {
      writeRow(rows[r], target, r * width);
    }
  }

  /** The dense rows of texts {@code rows}. */
  public float[][] toFloatRows(int[] rows) {
    float[][] dense = new float[rows.length][width()];
    for (int r = 0; r < rows.length; r++) {
      writeRow(rows[r], dense[r], 0);
    }
    return dense;
  }

  /** The dense rows of texts {@code rows} as a new matrix of {@code type}, shape [rows, width]. */
  public INDArray toINDArray(int[] rows, DataType type) {
    INDArray array = Nd4j.create(type, rows.length, width());
    fill(rows, array);
    return array;
  }

  /**
   * Writes the dense rows of texts {@code rows} into {@code target}, a matrix of shape
   * [rows, width] allocated once by the caller, such as a minibatch buffer reused every step, or a
   * view of consecutive rows of one. Rows that are contiguous in memory (C order) and of type
   * {@code FLOAT} or {@code DOUBLE} are copied in bulk; other layouts value by value.
   */
  public void fill(int[] rows, INDArray target) {
    if (target.rank() != 2 || target.rows() != rows.length || target.columns() != width()) {
      throw new IllegalArgumentException("the target has shape " + Arrays.toString(target.shape())
          + " but " + rows.length + " rows of " + width() + " values need [" + rows.length + ", "
          + width() + "]");
    }
    boolean contiguous = target.ordering() == 'c' && target.stride(1) == 1
        && (rows.length < 2 || target.stride(0) == width())
        && target.offset() + target.length() <= Integer.MAX_VALUE;
    if (contiguous && target.dataType() == DataType.FLOAT) {
      fillFloats(rows, target);
    } else if (contiguous && target.dataType() == DataType.DOUBLE) {
      fillDoubles(rows, target);
    } else {
      fillValueByValue(rows, target);
    }
  }

  // A bulk put of each row through the native buffer: building a 512 x 10,000 float matrix took
  // 25-110 ms through Nd4j.create(float[]), and writing one in place about 2 ms this way.
  private void fillFloats(int[] rows, INDArray target) {
    FloatBuffer buffer = target.data().asNioFloat();
    float[] row = new float[width()];
    for (int r = 0; r < rows.length; r++) {
      writeRow(rows[r], row, 0);
      buffer.position((int) target.offset() + r * width());
      buffer.put(row);
    }
  }

  private void fillDoubles(int[] rows, INDArray target) {
    DoubleBuffer buffer = target.data().asNioDouble();
    float[] row = new float[width()];
    double[] doubles = new double[width()];
    for (int r = 0; r < rows.length; r++) {
      writeRow(rows[r], row, 0);
      for (int c = 0; c < row.length; c++) {
        doubles[c] = row[c];
      }
      buffer.position((int) target.offset() + r * width());
      buffer.put(doubles);
    }
  }

  private void fillValueByValue(int[] rows, INDArray target) {
    target.assign(0);
    for (int r = 0; r < rows.length; r++) {
      int text = rows[r];
      int start = offsets[text];
      for (int k = start; k < offsets[text + 1]; k++) {
        if (mode == OutputMode.MULTI_HOT) {
          target.putScalar(r, values[k], 1.0);
        } else {
          target.putScalar(r, k - start, values[k]);
        }
      }
    }
  }

  /** Writes text {@code text}'s dense row into {@code target} from {@code base}, zeros included. */
  private void writeRow(int text, float[] target, int base) {
    Arrays.fill(target, base, base + width(), 0f);
    int start = offsets[text];
    int end = offsets[text + 1];
    for (int k = start; k < end; k++) {
      if (mode == OutputMode.MULTI_HOT) {
        target[base + values[k]] = 1f;
      } else {
        target[base + k - start] = values[k];
      }
    }
  }

  private void checkShape() {
    if (mode == OutputMode.MULTI_HOT && (sequenceLength != 0 || vocabulary.size() > maxTokens)) {
      throw new IllegalArgumentException("multi-hot texts need a sequence length of 0 and at most "
          + maxTokens + " words, got " + sequenceLength + " and " + vocabulary.size());
    }
    if (mode == OutputMode.INT && (sequenceLength <= 0 || vocabulary.size() > maxTokens - FIRST_WORD)) {
      throw new IllegalArgumentException("INT texts need a positive sequence length and at most "
          + (maxTokens - FIRST_WORD) + " words, got " + sequenceLength + " and " + vocabulary.size());
    }
    if (offsets.length == 0 || offsets[0] != 0 || offsets[offsets.length - 1] != values.length) {
      throw new IllegalArgumentException("the offsets must start at 0 and end at " + values.length);
    }
  }

  private void checkText(int text) {
    int start = offsets[text];
    int end = offsets[text + 1];
    if (end < start || (mode == OutputMode.INT && end - start > sequenceLength)) {
      throw new IllegalArgumentException("text " + text + " has " + (end - start) + " indices");
    }
    int lowest = mode == OutputMode.MULTI_HOT ? 0 : OUT_OF_VOCABULARY;
    int limit = mode == OutputMode.MULTI_HOT ? vocabulary.size() : FIRST_WORD + vocabulary.size();
    int previous = -1;
    for (int k = start; k < end; k++) {
      int value = values[k];
      boolean ordered = mode == OutputMode.INT || value > previous;
      if (value < lowest || value >= limit || !ordered) {
        throw new IllegalArgumentException("text " + text + " has the index " + value
            + ", which " + mode + " texts with " + vocabulary.size() + " words cannot have here");
      }
      previous = value;
    }
  }
}

package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** Texts as the dense and the sparse layers take them, and a comparison within float rounding. */
final class MultiHotRows {
  private MultiHotRows() {}

  /** The 0/1 rows of {@code texts}, each a list of word indices below {@code words}. */
  static INDArray multiHot(int[][] texts, int words, DataType type) {
    INDArray rows = Nd4j.zeros(type, texts.length, words);
    for (int r = 0; r < texts.length; r++) {
      for (int word : texts[r]) {
        rows.putScalar(r, word, 1);
      }
    }
    return rows;
  }

  /** The rows' word indices, padded with -1 to the longest row (at least one column). */
  static INDArray indices(int[][] texts, DataType type) {
    int width = 1;
    for (int[] text : texts) {
      width = Math.max(width, text.length);
    }
    INDArray rows = Nd4j.valueArrayOf(new long[] {texts.length, width}, -1.0, type);
    for (int r = 0; r < texts.length; r++) {
      for (int k = 0; k < texts[r].length; k++) {
        rows.putScalar(r, k, texts[r][k]);
      }
    }
    return rows;
  }

  /** Equal within float rounding: 1e-5 relative, or 1e-6 for values near 0. */
  static void assertClose(INDArray expected, INDArray actual, String what) {
    assertArrayEquals(expected.shape(), actual.shape(), what);
    double[] e = expected.castTo(DataType.DOUBLE).dup().data().asDouble();
    double[] a = actual.castTo(DataType.DOUBLE).dup().data().asDouble();
    for (int i = 0; i < e.length; i++) {
      assertEquals(e[i], a[i], 1e-5 * Math.abs(e[i]) + 1e-6, what + " at " + i);
    }
  }
}

package dev.deepbuild.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.annotations.OutputMode;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

class EncodedTextsTest {
  private static final Vocabulary WORDS = Vocabulary.of(List.of("a", "b", "c"));

  private static EncodedTexts multiHot() {
    // text 0: {0, 2}; text 1: {}; text 2: {1}
    return new EncodedTexts(OutputMode.MULTI_HOT, 4, 0, WORDS, new int[] {0, 2, 2, 3}, new int[] {0, 2, 1});
  }

  private static EncodedTexts sequences() {
    // text 0: [2, 1, 4]; text 1: [3]
    return new EncodedTexts(OutputMode.INT, 5, 3, WORDS, new int[] {0, 3, 4}, new int[] {2, 1, 4, 3});
  }

  @Test
  void givesMultiHotRowsAsTheirWordIndicesPaddedToTheLongest() {
    INDArray indices = multiHot().toTokenIndices(new int[] {1, 0, 2}, DataType.FLOAT);
    assertArrayEquals(new long[] {3, 2}, indices.shape());
    assertArrayEquals(new float[] {-1, -1, 0, 2, 1, -1}, indices.ravel().toFloatVector());
    INDArray empty = multiHot().toTokenIndices(new int[] {1}, DataType.DOUBLE);
    assertArrayEquals(new double[] {EncodedTexts.NO_WORD}, empty.ravel().toDoubleVector());
    assertThrows(IllegalStateException.class,
        () -> sequences().toTokenIndices(new int[] {0}, DataType.FLOAT));
  }

  @Test
  void densifiesTheRowsAskedForInTheirOrder() {
    float[][] rows = multiHot().toFloatRows(new int[] {2, 0, 0});
    assertArrayEquals(new float[] {0, 1, 0, 0}, rows[0]);
    assertArrayEquals(new float[] {1, 0, 1, 0}, rows[1]);
    assertArrayEquals(new float[] {1, 0, 1, 0}, rows[2]);
  }

  @Test
  void fillOverwritesAReusedFlatBuffer() {
    float[] buffer = new float[10];
    Arrays.fill(buffer, 7f);
    sequences().fill(new int[] {1, 0}, buffer);
    assertArrayEquals(new float[] {3, 0, 0, 2, 1, 4, 7, 7, 7, 7}, buffer);
    assertThrows(IllegalArgumentException.class, () -> sequences().fill(new int[] {0, 1, 0, 1}, buffer));
  }

  @Test
  void makesMatricesOfTheAskedType() {
    INDArray floats = multiHot().toINDArray(new int[] {0, 1}, DataType.FLOAT);
    assertEquals(DataType.FLOAT, floats.dataType());
    assertArrayEquals(new long[] {2, 4}, floats.shape());
    assertArrayEquals(new float[] {1, 0, 1, 0, 0, 0, 0, 0}, floats.ravel().toFloatVector());
    INDArray doubles = sequences().toINDArray(new int[] {0}, DataType.DOUBLE);
    assertEquals(DataType.DOUBLE, doubles.dataType());
    assertArrayEquals(new double[] {2, 1, 4}, doubles.ravel().toDoubleVector());
  }

  @Test
  void fillsAReusedMatrixAndItsViews() {
    INDArray buffer = Nd4j.valueArrayOf(new long[] {4, 4}, 9f, DataType.FLOAT);
    multiHot().fill(new int[] {2, 0}, buffer.get(NDArrayIndex.interval(1, 3), NDArrayIndex.all()));
    assertArrayEquals(new float[] {9, 9, 9, 9, 0, 1, 0, 0, 1, 0, 1, 0, 9, 9, 9, 9},
        buffer.ravel().toFloatVector());
    INDArray sequenceBuffer = Nd4j.valueArrayOf(new long[] {2, 3}, 9f, DataType.FLOAT);
    sequences().fill(new int[] {1, 0}, sequenceBuffer);
    assertArrayEquals(new float[] {3, 0, 0, 2, 1, 4}, sequenceBuffer.ravel().toFloatVector());
    assertThrows(IllegalArgumentException.class,
        () -> sequences().fill(new int[] {0}, Nd4j.zeros(DataType.FLOAT, 1, 4)));
  }

  @Test
  void fillsDoubleAndOtherLayoutsAlike() {
    float[] expected = {0, 1, 0, 0, 1, 0, 1, 0};
    INDArray doubles = Nd4j.valueArrayOf(new long[] {2, 4}, 9.0, DataType.DOUBLE);
    multiHot().fill(new int[] {2, 0}, doubles);
    assertArrayEquals(expected, doubles.ravel().toFloatVector());
    INDArray fortran = Nd4j.valueArrayOf(new long[] {2, 4}, 9f, DataType.FLOAT).dup('f');
    multiHot().fill(new int[] {2, 0}, fortran);
    assertArrayEquals(expected, fortran.dup('c').ravel().toFloatVector());
    INDArray halves = Nd4j.valueArrayOf(new long[] {2, 4}, 9f, DataType.HALF);
    multiHot().fill(new int[] {2, 0}, halves);
    assertArrayEquals(expected, halves.castTo(DataType.FLOAT).ravel().toFloatVector());
  }

  @Test
  void rejectsIndicesThatDoNotFitTheModeAndVocabulary() {
    // a multi-hot index beyond the vocabulary, a repeated one, an unsorted one
    assertThrows(IllegalArgumentException.class, () -> new EncodedTexts(
        OutputMode.MULTI_HOT, 4, 0, WORDS, new int[] {0, 1}, new int[] {3}));
    assertThrows(IllegalArgumentException.class, () -> new EncodedTexts(
        OutputMode.MULTI_HOT, 4, 0, WORDS, new int[] {0, 2}, new int[] {1, 1}));
    assertThrows(IllegalArgumentException.class, () -> new EncodedTexts(
        OutputMode.MULTI_HOT, 4, 0, WORDS, new int[] {0, 2}, new int[] {2, 1}));
    // padding stored, an index beyond the vocabulary, a sequence longer than its length
    assertThrows(IllegalArgumentException.class, () -> new EncodedTexts(
        OutputMode.INT, 5, 3, WORDS, new int[] {0, 1}, new int[] {0}));
    assertThrows(IllegalArgumentException.class, () -> new EncodedTexts(
        OutputMode.INT, 5, 3, WORDS, new int[] {0, 1}, new int[] {5}));
    assertThrows(IllegalArgumentException.class, () -> new EncodedTexts(
        OutputMode.INT, 5, 3, WORDS, new int[] {0, 4}, new int[] {2, 2, 2, 2}));
    // a vocabulary too large for maxTokens, offsets that do not cover the values
    assertThrows(IllegalArgumentException.class, () -> new EncodedTexts(
        OutputMode.INT, 4, 3, WORDS, new int[] {0}, new int[0]));
    assertThrows(IllegalArgumentException.class, () -> new EncodedTexts(
        OutputMode.MULTI_HOT, 4, 0, WORDS, new int[] {0, 1}, new int[] {0, 1}));
    assertThrows(IllegalArgumentException.class, () -> new EncodedTexts(
        OutputMode.MULTI_HOT, 4, 0, WORDS, new int[] {0, 2, 1}, new int[] {0, 1}));
  }
}

package dev.deepbuild.runtime.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.annotations.OutputMode;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextVectorizerTest {
  // Training texts 0 and 1; "zebra" occurs only in the held-out text 2.
  static final List<String> TEXTS = List.of(
      "the cat sat on the mat",
      "The dog sat. The dog ran!",
      "zebra and the dog");
  static final int[] TRAINING = {0, 1};
  // Training counts: the 4, dog 2, sat 2, cat 1, mat 1, on 1, ran 1.
  static final List<String> WORDS = List.of("the", "sat", "dog", "ran", "on", "mat", "cat");

  @Test
  void multiHotHoldsTheSortedDistinctVocabularyIndicesAndDropsOtherWords() {
    EncodedTexts encoded = new TextVectorizer(10, OutputMode.MULTI_HOT, 0).vectorize(TEXTS, TRAINING);
    assertEquals(WORDS, encoded.vocabulary().words());
    assertEquals(OutputMode.MULTI_HOT, encoded.mode());
    assertEquals(3, encoded.size());
    assertArrayEquals(new int[] {0, 1, 4, 5, 6}, encoded.indices(0));
    assertArrayEquals(new int[] {0, 1, 2, 3}, encoded.indices(1));
    assertArrayEquals(new int[] {0, 2}, encoded.indices(2)); // zebra and "and" dropped
  }

  @Test
  void multiHotWidthIsMaxTokensEvenWhenTheVocabularyIsSmaller() {
    EncodedTexts encoded = new TextVectorizer(10, OutputMode.MULTI_HOT, 0).vectorize(TEXTS, TRAINING);
    assertEquals(10, encoded.width());
    assertArrayEquals(new float[] {1, 0, 1, 0, 0, 0, 0, 0, 0, 0}, encoded.toFloatRows(new int[] {2})[0]);
  }

  @Test
  void multiHotVocabularyIsCutAtMaxTokens() {
    EncodedTexts encoded = new TextVectorizer(3, OutputMode.MULTI_HOT, 0).vectorize(TEXTS, TRAINING);
    assertEquals(WORDS.subList(0, 3), encoded.vocabulary().words());
    assertArrayEquals(new int[] {0, 1}, encoded.indices(0));
    assertEquals(3, encoded.width());
  }

  @Test
  void intHoldsWordIndicesFromTwoAndOneForOtherWords() {
    // maxTokens 5: padding, out-of-vocabulary and the 3 most frequent words
    EncodedTexts encoded = new TextVectorizer(5, OutputMode.INT, 8).vectorize(TEXTS, TRAINING);
    assertEquals(WORDS.subList(0, 3), encoded.vocabulary().words());
    // the cat sat on the mat -> the=2, cat=1, sat=3, on=1, the=2, mat=1
    assertArrayEquals(new int[] {2, 1, 3, 1, 2, 1}, encoded.indices(0));
    // zebra and the dog -> zebra (held out only) and "and" are out of vocabulary
    assertArrayEquals(new int[] {1, 1, 2, 4}, encoded.indices(2));
    assertEquals(8, encoded.width());
    assertEquals(5, encoded.maxTokens());
  }

  @Test
  void intPadsTheEndWithZerosAndCutsTheEndAsKerasDoes() {
    EncodedTexts padded = new TextVectorizer(5, OutputMode.INT, 8).vectorize(TEXTS, TRAINING);
    assertArrayEquals(new float[] {2, 1, 3, 1, 2, 1, 0, 0}, padded.toFloatRows(new int[] {0})[0]);
    EncodedTexts cut = new TextVectorizer(5, OutputMode.INT, 4).vectorize(TEXTS, TRAINING);
    // "the dog sat the dog ran" keeps its first four words
    assertArrayEquals(new int[] {2, 4, 3, 2}, cut.indices(1));
    assertArrayEquals(new float[] {2, 4, 3, 2}, cut.toFloatRows(new int[] {1})[0]);
  }

  @Test
  void anEmptyTextIsAllZeros() {
    EncodedTexts encoded = new TextVectorizer(5, OutputMode.INT, 3)
        .vectorize(List.of("word", "... !!!"), new int[] {0});
    assertArrayEquals(new int[0], encoded.indices(1));
    assertArrayEquals(new float[] {0, 0, 0}, encoded.toFloatRows(new int[] {1})[0]);
  }

  @Test
  void sameInputGivesTheSameEncoding() {
    TextVectorizer vectorizer = new TextVectorizer(6, OutputMode.MULTI_HOT, 0);
    EncodedTexts first = vectorizer.vectorize(TEXTS, TRAINING);
    EncodedTexts second = vectorizer.vectorize(List.copyOf(TEXTS), TRAINING.clone());
    assertEquals(first.vocabulary(), second.vocabulary());
    for (int text = 0; text < TEXTS.size(); text++) {
      assertArrayEquals(first.indices(text), second.indices(text));
    }
  }

  @Test
  void encodesNewTextsWithALearnedVocabulary() {
    TextVectorizer vectorizer = new TextVectorizer(5, OutputMode.INT, 4);
    Vocabulary vocabulary = vectorizer.vectorize(TEXTS, TRAINING).vocabulary();
    EncodedTexts encoded = vectorizer.encode(TokenizedCorpus.of(List.of("Dog? THE unicorn")), vocabulary);
    assertArrayEquals(new int[] {4, 2, 1}, encoded.indices(0));
  }

  @Test
  void rejectsSizesThatCannotHoldAWord() {
    assertThrows(IllegalArgumentException.class, () -> new TextVectorizer(0, OutputMode.MULTI_HOT, 0));
    assertThrows(IllegalArgumentException.class, () -> new TextVectorizer(2, OutputMode.INT, 10));
    IllegalArgumentException noLength = assertThrows(IllegalArgumentException.class,
        () -> new TextVectorizer(100, OutputMode.INT, 0));
    assertEquals("outputSequenceLength is 0, but INT needs a positive length to pad and truncate"
        + " texts to", noLength.getMessage());
  }
}

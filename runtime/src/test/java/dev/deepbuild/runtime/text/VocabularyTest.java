package dev.deepbuild.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class VocabularyTest {
  private static final List<String> TEXTS = List.of(
      "the cat sat on the mat",      // 0
      "the dog sat",                 // 1
      "zebra zebra zebra unicorn",   // 2: held out
      "a cat and a dog");            // 3

  private static Vocabulary learn(int[] rows, int maxWords) {
    return Vocabulary.learn(TokenizedCorpus.of(TEXTS), rows, maxWords);
  }

  @Test
  void countsOnlyTheTrainingTexts() {
    Vocabulary vocabulary = learn(new int[] {0, 1, 3}, 100);
    assertEquals(-1, vocabulary.indexOf("zebra"));
    assertEquals(-1, vocabulary.indexOf("unicorn"));
    // the 3, then cat/dog/sat/a 2 each, then and/mat/on 1 each; ties in descending order
    assertEquals(List.of("the", "sat", "dog", "cat", "a", "on", "mat", "and"), vocabulary.words());
    assertEquals(0, vocabulary.indexOf("the"));
    assertEquals(7, vocabulary.indexOf("and"));
    assertEquals("dog", vocabulary.word(2));
  }

  @Test
  void everyOccurrenceCounts() {
    // zebra is in one text three times, as often as "the" in two texts; the tie puts z first
    assertEquals(List.of("zebra", "the"), learn(new int[] {0, 1, 2, 3}, 2).words());
  }

  @Test
  void keepsTheMostFrequentWordsUpToTheLimit() {
    assertEquals(List.of("the", "sat", "dog"), learn(new int[] {0, 1, 3}, 3).words());
    assertEquals(List.of(), learn(new int[] {0, 1, 3}, 0).words());
    assertEquals(List.of(), learn(new int[0], 5).words());
  }

  @Test
  void doesNotDependOnTheOrderOfTheTrainingRows() {
    assertEquals(learn(new int[] {0, 1, 3}, 5), learn(new int[] {3, 0, 1}, 5));
  }

  @Test
  void tiesFollowCodePointsNotUtf16Units() {
    // the letter U+10428 is above the letter U+FFDA by code point (and in UTF-8), below it by
    // UTF-16 unit (0xD801 < 0xFFDA), which String.compareTo would go by
    String supplementary = "\uD801\uDC28";
    Vocabulary vocabulary = Vocabulary.learn(
        TokenizedCorpus.of(List.of("\uFFDA" + "x é z " + supplementary + "y")), new int[] {0}, 10);
    assertEquals(List.of(supplementary + "y", "\uFFDA" + "x", "é", "z"), vocabulary.words());
  }

  @Test
  void ofKeepsTheGivenOrderAndRejectsRepeatedWords() {
    Vocabulary vocabulary = Vocabulary.of(List.of("b", "a"));
    assertEquals(1, vocabulary.indexOf("a"));
    assertEquals(2, vocabulary.size());
    assertThrows(IllegalArgumentException.class, () -> Vocabulary.of(List.of("a", "b", "a")));
  }
}

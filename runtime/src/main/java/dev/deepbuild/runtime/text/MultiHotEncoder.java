package dev.deepbuild.runtime.text;

import dev.deepbuild.annotations.OutputMode;
import java.util.Arrays;

/** Encodes each text as its distinct vocabulary indices in increasing order, dropping other words. */
final class MultiHotEncoder {
  private MultiHotEncoder() {}

  static EncodedTexts encode(TokenizedCorpus corpus, Vocabulary vocabulary, int maxTokens) {
    int[] indexOf = VocabularyIndex.byCorpusId(corpus, vocabulary);
    // One bit per vocabulary index: marking a text's words and reading the bits back in order
    // gives its indices distinct and sorted without sorting (IMDB: 100-150 ms, against 270-360 ms
    // with a sort per text).
    long[] present = new long[(vocabulary.size() + 63) / 64];
    int[] offsets = new int[corpus.size() + 1];
    IntList values = new IntList();
    for (int text = 0; text < corpus.size(); text++) {
      Arrays.fill(present, 0L);
      for (int id : corpus.ids(text)) {
        int index = indexOf[id];
        if (index >= 0) {
          present[index >>> 6] |= 1L << index;
        }
      }
      for (int w = 0; w < present.length; w++) {
        for (long bits = present[w]; bits != 0; bits &= bits - 1) {
          values.add(w * 64 + Long.numberOfTrailingZeros(bits));
        }
      }
      offsets[text + 1] = values.size();
    }
    return new EncodedTexts(OutputMode.MULTI_HOT, maxTokens, 0, vocabulary, offsets, values.toArray());
  }
}

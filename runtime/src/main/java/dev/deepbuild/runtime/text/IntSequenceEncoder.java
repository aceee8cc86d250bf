package dev.deepbuild.runtime.text;

import dev.deepbuild.annotations.OutputMode;

/**
 * Encodes each text as its word indices in order: {@link EncodedTexts#OUT_OF_VOCABULARY} for a word
 * outside the vocabulary, {@link EncodedTexts#FIRST_WORD} + the vocabulary index otherwise. As
 * Keras's {@code TextVectorization} does with {@code output_sequence_length}, a longer text keeps
 * its first {@code sequenceLength} words (the end is cut), and a shorter one is padded with 0 at
 * the end, which the dense rows do.
 */
final class IntSequenceEncoder {
  private IntSequenceEncoder() {}

  static EncodedTexts encode(
      TokenizedCorpus corpus, Vocabulary vocabulary, int maxTokens, int sequenceLength) {
    int[] indexOf = VocabularyIndex.byCorpusId(corpus, vocabulary);
    int[] offsets = new int[corpus.size() + 1];
    IntList values = new IntList();
    for (int text = 0; text < corpus.size(); text++) {
      int[] ids = corpus.ids(text);
      int length = Math.min(ids.length, sequenceLength);
      for (int k = 0; k < length; k++) {
        int index = indexOf[ids[k]];
        values.add(index < 0 ? EncodedTexts.OUT_OF_VOCABULARY : EncodedTexts.FIRST_WORD + index);
      }
      offsets[text + 1] = values.size();
    }
    return new EncodedTexts(
        OutputMode.INT, maxTokens, sequenceLength, vocabulary, offsets, values.toArray());
  }
}

package dev.deepbuild.runtime.text;

/** Maps a corpus's word ids to vocabulary indices once, so that encoding needs no string lookup. */
final class VocabularyIndex {
  private VocabularyIndex() {}

  /** Per corpus word id, its index in {@code vocabulary}, or -1 when it is not in it. */
  static int[] byCorpusId(TokenizedCorpus corpus, Vocabulary vocabulary) {
    int[] indices = new int[corpus.distinctWords()];
    for (int id = 0; id < indices.length; id++) {
      indices[id] = vocabulary.indexOf(corpus.word(id));
    }
    return indices;
  }
}

package dev.deepbuild.runtime.text;

import java.util.List;

/**
 * Every text of a corpus tokenized once, each word replaced by a corpus-wide id, so that counting
 * the vocabulary and encoding the texts work on ints instead of tokenizing twice. Ids are given in
 * order of first occurrence in the corpus and mean nothing beyond this object.
 */
public final class TokenizedCorpus {
  private final String[] words;
  private final int[][] texts;

  private TokenizedCorpus(String[] words, int[][] texts) {
    this.words = words;
    this.texts = texts;
  }

  /** Tokenizes every text with {@link Tokenizer}. */
  public static TokenizedCorpus of(List<String> texts) {
    WordTable table = new WordTable();
    int[][] encoded = new int[texts.size()][];
    IntList text = new IntList();
    for (int t = 0; t < encoded.length; t++) {
      text.clear();
      Tokenizer.scan(texts.get(t), (chars, length) -> text.add(table.idOf(chars, length)));
      encoded[t] = text.toArray();
    }
    return new TokenizedCorpus(table.words(), encoded);
  }

  /** The number of texts. */
  public int size() {
    return texts.length;
  }

  /** The number of distinct words in all texts. */
  public int distinctWords() {
    return words.length;
  }

  /** The word with corpus id {@code id}. */
  public String word(int id) {
    return words[id];
  }

  /** The corpus ids of text {@code text}'s words, in order; shared, not to be modified. */
  int[] ids(int text) {
    return texts[text];
  }
}

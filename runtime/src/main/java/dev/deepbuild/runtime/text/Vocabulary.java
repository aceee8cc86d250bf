package dev.deepbuild.runtime.text;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The most frequent words of the training texts, most frequent first, with O(1) lookup of a word's
 * index. Words with the same count are ordered as Keras orders them ({@code IndexLookup}'s
 * {@code np.lexsort((tokens, counts))[::-1]}): by descending code point order, which is the byte
 * order of their UTF-8 encoding, so {@code b} comes before {@code a}. The order is therefore a pure
 * function of the training texts' word counts, independent of the order of the texts.
 */
public final class Vocabulary {
  /** Orders words by descending code points, the reverse of their UTF-8 byte order. */
  static final Comparator<String> KERAS_TIE_ORDER = (a, b) -> compareCodePoints(b, a);

  private final List<String> words;
  private final Map<String, Integer> indices;

  private Vocabulary(List<String> words) {
    this.words = List.copyOf(words);
    this.indices = new HashMap<>(words.size() * 2);
    for (int i = 0; i < words.size(); i++) {
      if (indices.put(words.get(i), i) != null) {
        throw new IllegalArgumentException("the word '" + words.get(i) + "' is twice in the vocabulary");
      }
    }
  }

  /** A vocabulary of these distinct words, the index of each being its position. */
  public static Vocabulary of(List<String> words) {
    return new Vocabulary(words);
  }

  /**
   * The {@code maxWords} most frequent words of the texts {@code trainingRows} of {@code corpus}
   * (every occurrence counts); words found only in other texts are not in it.
   */
  public static Vocabulary learn(TokenizedCorpus corpus, int[] trainingRows, int maxWords) {
    if (maxWords < 0) {
      throw new IllegalArgumentException("maxWords must not be negative, got " + maxWords);
    }
    int[] counts = new int[corpus.distinctWords()];
    for (int row : trainingRows) {
      for (int id : corpus.ids(row)) {
        counts[id]++;
      }
    }
    // Only words counted at least as often as the maxWords-th most frequent can be in it, so
    // only those (ties included) are sorted by the full order rather than all distinct words.
    int least = leastCountKept(counts, maxWords);
    Integer[] candidates = new Integer[counts.length];
    int n = 0;
    for (int id = 0; id < counts.length; id++) {
      if (counts[id] >= least) {
        candidates[n++] = id;
      }
    }
    Comparator<Integer> order = Comparator.<Integer>comparingInt(id -> -counts[id])
        .thenComparing(corpus::word, KERAS_TIE_ORDER);
    Arrays.sort(candidates, 0, n, order);
    String[] words = new String[Math.min(n, maxWords)];
    for (int i = 0; i < words.length; i++) {
      words[i] = corpus.word(candidates[i]);
    }
    return new Vocabulary(Arrays.asList(words));
  }

  /** The count of the {@code maxWords}-th most frequent word, at least 1 (so unseen words are out). */
  private static int leastCountKept(int[] counts, int maxWords) {
    if (maxWords == 0) {
      return Integer.MAX_VALUE;
    }
    int[] sorted = Arrays.stream(counts).filter(count -> count > 0).sorted().toArray();
    return sorted.length <= maxWords ? 1 : sorted[sorted.length - maxWords];
  }

  /** The number of words. */
  public int size() {
    return words.size();
  }

  /** The word at {@code index}, 0 being the most frequent. */
  public String word(int index) {
    return words.get(index);
  }

  /** The word's index, or -1 when it is not in the vocabulary. */
  public int indexOf(String word) {
    Integer index = indices.get(word);
    return index == null ? -1 : index;
  }

  /** The words in index order, unmodifiable. */
  public List<String> words() {
    return words;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Vocabulary vocabulary && words.equals(vocabulary.words);
  }

  @Override
  public int hashCode() {
    return words.hashCode();
  }

  @Override
  public String toString() {
    return "Vocabulary" + (words.size() <= 10 ? words : words.subList(0, 10) + " and "
        + (words.size() - 10) + " more");
  }

  private static int compareCodePoints(String a, String b) {
    int i = 0;
    int j = 0;
    while (i < a.length() && j < b.length()) {
      int x = a.codePointAt(i);
      int y = b.codePointAt(j);
      if (x != y) {
        return Integer.compare(x, y);
      }
      i += Character.charCount(x);
      j += Character.charCount(y);
    }
    return Boolean.compare(i < a.length(), j < b.length());
  }
}

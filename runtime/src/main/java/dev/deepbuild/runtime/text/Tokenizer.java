package dev.deepbuild.runtime.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Splits a text into words the way Keras's {@code TextVectorization} does by default
 * ({@code standardize="lower_and_strip_punctuation"}, {@code split="whitespace"}), plus the book's
 * custom standardization that turns {@code <br />} into a space:
 * <ol>
 *   <li>an HTML tag ({@code <}, an optional {@code /}, a letter, then anything but
 *       {@code <} up to the next {@code >}, at most {@value #MAX_TAG_LENGTH} characters) becomes a
 *       space, so {@code end.<br />Next} gives {@code end next};
 *   <li>white space (including no-break spaces) separates words;
 *   <li>letters, combining marks and numbers are kept, lower-cased (locale-independent);
 *   <li>everything else (punctuation, symbols, emoji, control characters) is deleted where it stands
 *       without splitting the word, as Keras deletes punctuation: {@code don't} and {@code don’t}
 *       both give {@code dont}, {@code well-known} gives {@code wellknown}, {@code 9/10} gives
 *       {@code 910}, and a lone {@code ...} gives no word.
 * </ol>
 * Differences from Keras, which treats text as ASCII: non-ASCII letters are lower-cased too, and
 * non-ASCII punctuation and symbols ({@code «}, {@code —}, emoji) are deleted like ASCII ones.
 * HTML entities such as {@code &amp;} are not decoded (they give the word {@code amp}, as in Keras).
 *
 * <p>One pass over the characters with a table for ASCII; no regular expressions.
 */
public final class Tokenizer {
  /**
   * Changes whenever a rule of this class, of the vocabulary's order or of an encoding changes, so
   * that a prepared cache keyed with it is not reused across the change.
   */
  public static final int TOKENIZER_VERSION = 1;

  static final int MAX_TAG_LENGTH = 256;

  private static final byte DROP = 0;
  private static final byte KEEP = 1;
  private static final byte SPACE = 2;
  private static final byte[] ASCII = new byte[128];

  static {
    for (char c = 0; c < 128; c++) {
      ASCII[c] = Character.isLetterOrDigit(c) ? KEEP : Character.isWhitespace(c) ? SPACE : DROP;
    }
  }

  private Tokenizer() {}

  /** The words of {@code text}, in order. */
  public static List<String> tokenize(String text) {
    List<String> words = new ArrayList<>();
    tokenize(text, words::add);
    return words;
  }

  /** Passes each word of {@code text} to {@code words}, in order. */
  public static void tokenize(String text, Consumer<String> words) {
    scan(text, (chars, length) -> words.accept(new String(chars, 0, length)));
  }

  /** Receives each word as characters in a buffer that is reused for the next word. */
  @FunctionalInterface
  interface WordSink {
    void word(char[] chars, int length);
  }

  /** Passes each word of {@code text} to {@code words} without making a string of it. */
  static void scan(String text, WordSink words) {
    char[] word = new char[64];
    int length = 0;
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (c < 128) {
        byte kind = ASCII[c];
        if (kind == KEEP) {
          if (length == word.length) {
            word = Arrays.copyOf(word, length * 2);
          }
          word[length++] = (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
          i++;
          continue;
        }
        int tagEnd = c == '<' ? tagEnd(text, i) : -1;
        if (kind == SPACE || tagEnd > 0) {
          if (length > 0) {
            words.word(word, length);
            length = 0;
          }
          i = tagEnd > 0 ? tagEnd : i + 1;
        } else {
          i++;
        }
        continue;
      }
      int codePoint = text.codePointAt(i);
      i += Character.charCount(codePoint);
      if (isWordPart(codePoint)) {
        int lower = Character.toLowerCase(codePoint);
        if (length + 2 > word.length) {
          word = Arrays.copyOf(word, word.length * 2);
        }
        length += Character.toChars(lower, word, length);
      } else if (Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)) {
        if (length > 0) {
          words.word(word, length);
          length = 0;
        }
      }
    }
    if (length > 0) {
      words.word(word, length);
    }
  }

  /** Letters, marks (accents, vowel signs) and numbers; the rest is punctuation, symbol or control. */
  private static boolean isWordPart(int codePoint) {
    switch (Character.getType(codePoint)) {
      case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
          Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
          Character.LETTER_NUMBER, Character.OTHER_NUMBER:
        return true;
      default:
        return false;
    }
  }

  /**
   * The index after the {@code >} closing an HTML tag that starts at {@code start}, or -1 when the
   * {@code <} there does not open a tag (as in {@code a < b} or {@code <3}).
   */
  static int tagEnd(String text, int start) {
    int i = start + 1;
    int n = text.length();
    if (i < n && text.charAt(i) == '/') {
      i++;
    }
    if (i >= n || !isAsciiLetter(text.charAt(i))) {
      return -1;
    }
    int limit = Math.min(n, start + MAX_TAG_LENGTH);
    for (; i < limit; i++) {
      char c = text.charAt(i);
      if (c == '>') {
        return i + 1;
      }
      if (c == '<') {
        return -1;
      }
    }
    return -1;
  }

  private static boolean isAsciiLetter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  }
}

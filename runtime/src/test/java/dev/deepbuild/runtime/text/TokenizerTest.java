package dev.deepbuild.runtime.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class TokenizerTest {
  private static void assertTokens(String text, String... words) {
    assertEquals(List.of(words), Tokenizer.tokenize(text), () -> "tokens of \"" + text + "\"");
  }

  @Test
  void lowerCasesAndSplitsOnWhiteSpace() {
    assertTokens("The  Movie\twas\nGREAT", "the", "movie", "was", "great");
    assertTokens("");
    assertTokens("   \n\t ");
  }

  @Test
  void deletesPunctuationInsideWordsAsKerasDoes() {
    assertTokens("Don't stop, it's well-known!", "dont", "stop", "its", "wellknown");
    assertTokens("I rated it 9/10... really.", "i", "rated", "it", "910", "really");
    assertTokens("hello,world (yes) \"quoted\" [x]", "helloworld", "yes", "quoted", "x");
    assertTokens("... -- !!! ?", new String[0]);
  }

  @Test
  void typographicApostrophesAndDashesAreDeletedLikeAsciiOnes() {
    assertTokens("don’t — «quoted» stop", "dont", "quoted", "stop");
  }

  @Test
  void htmlTagsBecomeSpaces() {
    assertTokens("end.<br />Next<br/>line<br>here", "end", "next", "line", "here");
    assertTokens("a <i>great</i> film", "a", "great", "film");
    assertTokens("one<br /><br />two", "one", "two");
  }

  @Test
  void aLessThanSignThatOpensNoTagIsPunctuation() {
    assertTokens("a < b and c > d", "a", "b", "and", "c", "d");
    assertTokens("i <3 it", "i", "3", "it");
    assertTokens("x<y", "xy");
    assertTokens("unclosed <b never closed", "unclosed", "b", "never", "closed");
  }

  @Test
  void aTagLongerThanTheLimitIsNotATag() {
    // MAX_TAG_LENGTH counts the whole tag, '<' and '>' included
    String longest = "a".repeat(Tokenizer.MAX_TAG_LENGTH - 2);
    assertTokens("x<" + longest + ">y", "x", "y");
    String tooLong = "a".repeat(Tokenizer.MAX_TAG_LENGTH - 1);
    assertTokens("x<" + tooLong + ">y", "x" + tooLong + "y");
  }

  @Test
  void keepsNonAsciiLettersMarksAndNumbersLowerCased() {
    assertTokens("Café ÉTÉ naïve", "café", "été", "naïve");
    // e followed by a combining acute accent stays one word
    assertTokens("Cafe\u0301 ok", "cafe\u0301", "ok");
    assertTokens("Straße ΑΘΗΝΑ ½ ٣", "straße", "αθηνα", "½", "٣");
    assertTokens("हिन्दी भाषा", "हिन्दी", "भाषा");
  }

  @Test
  void lowerCasingDoesNotDependOnTheDefaultLocale() {
    Locale previous = Locale.getDefault();
    try {
      Locale.setDefault(Locale.forLanguageTag("tr"));
      assertTokens("TITLE", "title");
    } finally {
      Locale.setDefault(previous);
    }
  }

  @Test
  void noBreakSpacesSeparateAndSymbolsAndEmojiAreDeleted() {
    assertTokens("a\u00A0b\u2007c\u202Fd", "a", "b", "c", "d");
    assertTokens("great\uD83D\uDE00movie 100% $5", "greatmovie", "100", "5");
    // a letter outside the basic plane is kept, as a whole surrogate pair
    assertTokens("\uD801\uDC00bc", "\uD801\uDC28bc");
  }

  @Test
  void longWordsGrowTheBuffer() {
    String word = "w".repeat(1000);
    String accented = "é".repeat(500);
    assertTokens(word + " " + accented.toUpperCase(Locale.ROOT), word, accented);
  }
}

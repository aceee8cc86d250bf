package dev.deepbuild.naming;

import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * The valid name nearest to a misspelled one, for a message's "did you mean": the one rule that
 * the processor's compile-time messages and the runtime's use alike.
 */
public final class Nearest {
  private Nearest() {}

  /** The candidate with the fewest edits from {@code written}, ignoring case; empty when none. */
  public static Optional<String> to(String written, Collection<String> candidates) {
    return candidates.stream().min(Comparator.comparingInt(candidate -> distance(candidate, written)));
  }

  /**
   * The nearest candidate if it is near enough to be a misspelling: at most 2 edits, or a third of
   * the written name's length for longer names, or the one name holding the other ({@code TESTING}
   * for {@code TEST}); empty otherwise, so that a message does not suggest an unrelated name.
   */
  public static Optional<String> near(String written, Collection<String> candidates) {
    int cutOff = Math.max(2, written.length() / 3);
    return to(written, candidates).filter(candidate -> distance(candidate, written) <= cutOff
        || holds(candidate, written) || holds(written, candidate));
  }

  private static boolean holds(String longer, String shorter) {
    return longer.toLowerCase(Locale.ROOT).contains(shorter.toLowerCase(Locale.ROOT));
  }

  /** {@code " Did you mean NAME?"} for a {@link #near} name, else nothing: a message's last words. */
  public static String didYouMean(String written, Collection<String> candidates) {
    return near(written, candidates).map(name -> " Did you mean " + name + "?").orElse("");
  }

  /** Levenshtein distance, ignoring case, so that {@code accuracy} suggests {@code ACCURACY}. */
  public static int distance(String a, String b) {
    String s = a.toLowerCase(Locale.ROOT);
    String t = b.toLowerCase(Locale.ROOT);
    int[] previous = new int[t.length() + 1];
    int[] current = new int[t.length() + 1];
    for (int j = 0; j <= t.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= s.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= t.length(); j++) {
        int substitution = previous[j - 1] + (s.charAt(i - 1) == t.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[t.length()];
  }
}

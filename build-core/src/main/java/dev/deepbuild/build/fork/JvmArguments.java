package dev.deepbuild.build.fork;

import dev.deepbuild.build.DeepBuildException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Splits a line of JVM options as a shell would, the way Surefire reads its {@code argLine}:
 * whitespace separates arguments, and single or double quotes keep whitespace within one
 * ({@code -Dname="a b"} is the one argument {@code -Dname=a b}). Backslashes are kept as they are,
 * so Windows paths need no escaping.
 */
public final class JvmArguments {
  /**
   * The training JVM's options unless its own options set the same thing: the serial collector, a
   * small initial heap and a small young generation. Its heap holds the data and each step's small
   * garbage while the arrays live in native memory, which ND4J frees only once the collector finds
   * their Java objects: a 16 MB young generation is collected often, so garbage arrays' memory
   * goes back soon, the serial collector has none of G1's regions and remembered sets, and a heap
   * that starts at 64 MB grows to what the model keeps instead of starting at a 64th of the
   * machine's memory. Measured per model (README, Benchmarks), the models trained as fast with a
   * lower peak.
   */
  public static final List<String> DEFAULTS = List.of("-XX:+UseSerialGC", "-Xms64m", "-Xmn16m");
  private static final List<Pattern> OVERRIDDEN_BY = List.of(
      // A second collector would stop the JVM at its start.
      Pattern.compile("-XX:[+]Use\\w*GC"),
      // A maximum below the initial size would too.
      Pattern.compile("-Xm[sx].*|-XX:(Initial|Max)HeapSize=.*"),
      Pattern.compile("-Xmn.*|-XX:(Max)?NewSize=.*|-XX:NewRatio=.*"));

  private JvmArguments() {}

  /** {@code arguments} after each of {@link #DEFAULTS} that they do not set otherwise. */
  public static List<String> withDefaults(List<String> arguments) {
    List<String> all = new ArrayList<>();
    for (int i = 0; i < DEFAULTS.size(); i++) {
      Pattern overridden = OVERRIDDEN_BY.get(i);
      if (arguments.stream().noneMatch(argument -> overridden.matcher(argument).matches())) {
        all.add(DEFAULTS.get(i));
      }
    }
    all.addAll(arguments);
    return all;
  }

  /**
   * @param line the options as written, such as {@code -Xmx2g "-Dlabel=two words"}; null for none
   * @param source where the line was written, for the error message
   * @throws DeepBuildException when a quote is not closed
   */
  public static List<String> parse(String line, String source) {
    List<String> arguments = new ArrayList<>();
    if (line == null) {
      return arguments;
    }
    StringBuilder current = new StringBuilder();
    boolean inArgument = false;
    char quote = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quote != 0) {
        if (c == quote) {
          quote = 0;
        } else {
          current.append(c);
        }
      } else if (c == '"' || c == '\'') {
        quote = c;
        inArgument = true;
      } else if (Character.isWhitespace(c)) {
        if (inArgument) {
          arguments.add(current.toString());
          current.setLength(0);
          inArgument = false;
        }
      } else {
        current.append(c);
        inArgument = true;
      }
    }
    if (quote != 0) {
      throw new DeepBuildException(source + " has a " + quote + " that is never closed: " + line
          + "; close it, or quote the argument with the other kind of quote");
    }
    if (inArgument) {
      arguments.add(current.toString());
    }
    return arguments;
  }
}

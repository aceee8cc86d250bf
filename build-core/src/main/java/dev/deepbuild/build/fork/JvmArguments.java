package dev.deepbuild.build.fork;

import dev.deepbuild.build.DeepBuildException;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a line of JVM options as a shell would, the way Surefire reads its {@code argLine}:
 * whitespace separates arguments, and single or double quotes keep whitespace within one
 * ({@code -Dname="a b"} is the one argument {@code -Dname=a b}). Backslashes are kept as they are,
 * so Windows paths need no escaping.
 */
public final class JvmArguments {
  private JvmArguments() {}

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

package dev.deepbuild.build.io;

import java.util.ArrayList;
import java.util.List;

/**
 * Records of a few text fields, one a line, the fields separated by tabs, with backslash, tab and
 * line ends escaped ({@code \\}, {@code \t}, {@code \n}, {@code \r}): for the small files an
 * up-to-date build reads at once, which need no JSON parser.
 */
public final class TabLines {
  private TabLines() {}

  /** The record's line, with its line end. */
  public static String line(String kind, String... fields) {
    StringBuilder text = new StringBuilder(kind);
    for (String field : fields) {
      text.append('\t');
      for (int i = 0; i < field.length(); i++) {
        char c = field.charAt(i);
        switch (c) {
          case '\\' -> text.append("\\\\");
          case '\t' -> text.append("\\t");
          case '\n' -> text.append("\\n");
          case '\r' -> text.append("\\r");
          default -> text.append(c);
        }
      }
    }
    return text.append('\n').toString();
  }

  /** The line's fields, its kind first, unescaped; null when an escape is broken. */
  public static List<String> fields(String line) {
    List<String> fields = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\t') {
        fields.add(field.toString());
        field.setLength(0);
      } else if (c != '\\') {
        field.append(c);
      } else if (++i < line.length() && "\\tnr".indexOf(line.charAt(i)) >= 0) {
        char escaped = line.charAt(i);
        field.append(escaped == 't' ? '\t' : escaped == 'n' ? '\n' : escaped == 'r' ? '\r' : '\\');
      } else {
        return null;
      }
    }
    fields.add(field.toString());
    return fields;
  }
}

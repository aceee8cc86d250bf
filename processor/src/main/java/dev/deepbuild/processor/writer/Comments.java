package dev.deepbuild.processor.writer;

import java.util.ArrayList;
import java.util.List;

/** Line comments for generated code, wrapped as a person wraps them: within 100 columns. */
final class Comments {
  static final int WIDTH = 100;

  private Comments() {}

  /**
   * {@code text} as {@code //} lines, each ending in a newline, broken between words so that each
   * fits when indented to {@code column}; a word longer than a line stays whole.
   */
  static String wrapped(String text, int column) {
    StringBuilder comment = new StringBuilder();
    lines(text, Math.max(WIDTH - column - "// ".length(), 20))
        .forEach(part -> comment.append("// ").append(part).append('\n'));
    return comment.toString();
  }

  /**
   * {@code text} as lines of a Javadoc comment (which JavaPoet starts with {@code " * "}), each
   * ending in a newline, so that each fits when the comment is indented to {@code column}.
   */
  static String javadoc(String text, int column) {
    StringBuilder comment = new StringBuilder();
    lines(text, Math.max(WIDTH - column - " * ".length(), 20))
        .forEach(part -> comment.append(part).append('\n'));
    return comment.toString();
  }

  private static List<String> lines(String text, int room) {
    List<String> lines = new ArrayList<>();
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && line.length() + 1 + word.length() > room) {
        lines.add(line.toString());
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    lines.add(line.toString());
    return lines;
  }
}

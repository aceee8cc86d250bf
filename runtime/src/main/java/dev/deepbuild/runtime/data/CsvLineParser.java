package dev.deepbuild.runtime.data;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits one CSV line into trimmed cells. A cell may be quoted with {@code "} to hold the delimiter,
 * and {@code ""} inside quotes stands for one quote; a quoted value spans one line only.
 */
public final class CsvLineParser {
  private final char delimiter;

  public CsvLineParser(char delimiter) {
    this.delimiter = delimiter;
  }

  /** The line's cells, or throws {@link IllegalArgumentException} for an unclosed quote. */
  public List<String> split(String line) {
    List<String> cells = new ArrayList<>();
    StringBuilder cell = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c != '"') {
          cell.append(c);
        } else if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
          cell.append('"');
          i++;
        } else {
          quoted = false;
        }
      } else if (c == delimiter) {
        cells.add(cell.toString().trim());
        cell.setLength(0);
      } else if (c == '"' && cell.toString().isBlank()) {
        cell.setLength(0);
        quoted = true;
      } else {
        cell.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quoted value is not closed");
    }
    cells.add(cell.toString().trim());
    return cells;
  }
}

package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/** Finds the label column of a table from {@code @CsvData(label = ...)} or its {@code labelColumn}. */
public final class LabelColumn {
  private LabelColumn() {}

  /** The label column's 0-based index in {@code table}; {@code model} names the model in messages. */
  public static int resolve(String model, CsvTable table) {
    CsvSource source = table.source();
    int columns = table.columnCount();
    if (columns < 2) {
      throw new InvalidInputException(model + ": " + source.describe() + " has " + columns
          + " column, but needs feature columns besides the label. Check @CsvData(delimiter = ...):"
          + " the file is split at '" + source.delimiter() + "'.");
    }
    if (!source.labelColumn().isEmpty()) {
      return byName(model, table, source.labelColumn());
    }
    int index = source.labelIndex();
    if (index < 0) {
      throw new InvalidInputException(model + ": @CsvData names no label column. Set label = <0-based"
          + " column index> or, with a header row, labelColumn = \"<name>\".");
    }
    if (index >= columns) {
      throw new InvalidInputException(model + ": @CsvData(label = " + index + ") is out of range: "
          + source.describe() + " has " + columns + " columns (indices 0 to " + (columns - 1)
          + "). Set label to the 0-based index of the label column.");
    }
    return index;
  }

  private static int byName(String model, CsvTable table, String name) {
    CsvSource source = table.source();
    List<String> header = table.header();
    if (header.isEmpty()) {
      throw new InvalidInputException(model + ": @CsvData(labelColumn = \"" + name + "\") needs a"
          + " header row, but " + source.describe() + " is read without one. Set header = true, or"
          + " give the column's 0-based index with label = ....");
    }
    int index = header.indexOf(name);
    if (index >= 0) {
      return index;
    }
    String nearest = header.stream()
        .min(Comparator.comparingInt(column -> distance(column, name)))
        .orElseThrow();
    throw new InvalidInputException(model + ": " + source.describe() + " has no column named \"" + name
        + "\"; its columns are " + String.join(", ", header) + ". Did you mean \"" + nearest
        + "\"? Set @CsvData(labelColumn = ...) to one of those names.");
  }

  /** Levenshtein distance, ignoring case, so that {@code Price} suggests {@code price}. */
  static int distance(String a, String b) {
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

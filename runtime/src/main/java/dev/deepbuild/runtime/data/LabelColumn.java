package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.naming.Nearest;
import java.util.List;

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
    String suggestion = Nearest.near(name, header).map(near -> " Did you mean \"" + near + "\"?")
        .orElse("");
    throw new InvalidInputException(model + ": " + source.describe() + " has no column named \"" + name
        + "\"; its columns are " + String.join(", ", header) + "." + suggestion
        + " Set @CsvData(labelColumn = ...) to one of those names.");
  }

  /**
   * How a fix names the label setting, in the form the model uses: {@code @CsvData(labelColumn =
   * ...)} for a label named by header, else {@code @CsvData(label = ...)}.
   */
  public static String setting(CsvSource source) {
    return source.labelColumn().isEmpty() ? "@CsvData(label = ...)" : "@CsvData(labelColumn = ...)";
  }

  /** The setting that makes {@code column} of {@code table} the label, in the form the model uses. */
  public static String setting(CsvTable table, int column) {
    return table.source().labelColumn().isEmpty() || table.header().isEmpty()
        ? "@CsvData(label = " + column + ")"
        : "@CsvData(labelColumn = \"" + table.header().get(column) + "\")";
  }
}

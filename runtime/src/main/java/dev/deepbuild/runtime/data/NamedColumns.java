package dev.deepbuild.runtime.data;

import dev.deepbuild.naming.Nearest;
import dev.deepbuild.runtime.InvalidInputException;
import java.util.ArrayList;
import java.util.List;

/**
 * The columns of a table that a functional model's inputs and outputs name by header: a name the
 * header lacks is a run-time error naming the file, the column and the nearest name it has (the
 * compiler cannot see the file).
 */
public final class NamedColumns {
  private NamedColumns() {}

  /**
   * The 0-based index of the column {@code name}.
   *
   * @param reader what reads it, for messages, such as {@code the input measures}
   */
  public static int index(String model, CsvTable table, String name, String reader) {
    List<String> header = table.header();
    if (header.isEmpty()) {
      throw new InvalidInputException(model + ": " + reader + " reads the column \"" + name
          + "\" by name, but " + table.source().describe() + " is read without a header row."
          + " Set @CsvData(header = true).");
    }
    int index = header.indexOf(name);
    if (index < 0) {
      throw new InvalidInputException(model + ": " + reader + " reads the column \"" + name
          + "\", which " + table.source().describe() + " does not have; its columns are "
          + String.join(", ", header) + "." + Nearest.didYouMean(name, header)
          + " Name one of its columns.");
    }
    return index;
  }

  /** The indices of the columns {@code names}, in their order. */
  public static List<Integer> indices(String model, CsvTable table, List<String> names,
      String reader) {
    List<Integer> indices = new ArrayList<>();
    names.forEach(name -> indices.add(index(model, table, name, reader)));
    return indices;
  }

  /** One row of the given columns' values per table row, each cell a number. */
  public static double[][] numbers(String model, CsvTable table, List<Integer> columns,
      String reader) {
    List<CsvTable.Row> rows = table.rows();
    double[][] values = new double[rows.size()][columns.size()];
    for (int r = 0; r < rows.size(); r++) {
      for (int f = 0; f < columns.size(); f++) {
        values[r][f] = NumericCells.require(model, table, rows.get(r), columns.get(f),
            "The columns " + reader + " reads are numeric: fix the value, or read another"
                + " column.");
      }
    }
    return values;
  }
}

package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.InvalidInputException;

/** Reads numeric cells; a cell that is not a finite number is an input error naming its place. */
public final class NumericCells {
  private NumericCells() {}

  /** The cell's value, or NaN when it is not a finite number (empty, text, NaN, infinite). */
  public static double parse(String cell) {
    if (cell.isEmpty()) {
      return Double.NaN;
    }
    try {
      double value = Double.parseDouble(cell);
      return Double.isFinite(value) ? value : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The value of a cell that must be numeric; {@code fix} says what to do when it is not. */
  static double require(String model, CsvTable table, CsvTable.Row row, int column, String fix) {
    String cell = row.cell(column);
    double value = parse(cell);
    if (Double.isNaN(value)) {
      throw new InvalidInputException(model + ": " + table.source().describe() + " line " + row.line()
          + ", " + table.describeColumn(column) + ": \"" + cell + "\" is not a finite number. " + fix);
    }
    return value;
  }
}

package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.List;

/**
 * Catches a header row read as data, the likeliest CSV mistake ({@code header} defaults to false):
 * its names would otherwise surface later as a spurious class or a non-numeric feature, with advice
 * about units or the label column instead of {@code header = true}.
 */
final class UndeclaredHeader {
  private UndeclaredHeader() {}

  /**
   * Fails when the first row is text in every column that is numeric in all later rows (and there is
   * at least one such column); a single missing or misspelt value in the first row is left to the
   * numeric checks, which name its cell.
   */
  static void check(String model, CsvSource source, List<CsvTable.Row> rows) {
    if (source.header() || rows.size() < 2) {
      return;
    }
    CsvTable.Row first = rows.get(0);
    List<CsvTable.Row> rest = rows.subList(1, rows.size());
    boolean numericColumn = false;
    for (int column = 0; column < first.cells().size(); column++) {
      int c = column;
      if (rest.stream().allMatch(row -> isNumber(row.cell(c)))) {
        numericColumn = true;
        if (isNumber(first.cell(c))) {
          return;
        }
      }
    }
    if (numericColumn) {
      throw new InvalidInputException(model + ": " + source.describe() + " line " + first.line()
          + " looks like a header row (" + String.join(", ", first.cells()) + "): its cells are not"
          + " numbers where the rows below hold numbers, but @CsvData reads the file without a"
          + " header. Set @CsvData(header = true), or remove the line if it is not data.");
    }
  }

  private static boolean isNumber(String cell) {
    return !Double.isNaN(NumericCells.parse(cell));
  }
}

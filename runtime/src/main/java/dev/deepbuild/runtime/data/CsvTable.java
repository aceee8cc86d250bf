package dev.deepbuild.runtime.data;

import java.util.List;

/**
 * A CSV table as read, before any interpretation: trimmed text cells, every row with the same
 * number of columns, and the line each row came from, for messages.
 *
 * @param source where the table was read from
 * @param header the column names, or empty when the table has no header row
 * @param rows the data rows, in file order
 */
public record CsvTable(CsvSource source, List<String> header, List<CsvTable.Row> rows) {

  /** One data row: its 1-based line in the file and its cells. */
  public record Row(int line, List<String> cells) {
    public Row {
      cells = List.copyOf(cells);
    }

    public String cell(int column) {
      return cells.get(column);
    }
  }

  public CsvTable {
    header = List.copyOf(header);
    rows = List.copyOf(rows);
  }

  public int columnCount() {
    return header.isEmpty() ? rows.get(0).cells().size() : header.size();
  }

  /** How messages name a column: {@code column index 2 (petal_length)} or {@code column index 2}. */
  public String describeColumn(int column) {
    return "column index " + column + (header.isEmpty() ? "" : " (" + header.get(column) + ")");
  }
}

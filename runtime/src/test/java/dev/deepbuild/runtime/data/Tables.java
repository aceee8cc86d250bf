package dev.deepbuild.runtime.data;

import java.util.ArrayList;
import java.util.List;

/** Tables built in memory, for tests of what happens after reading. */
final class Tables {
  private Tables() {}

  /** A table with one feature column (the row number) and the given labels in column 1. */
  static CsvTable withLabels(String... labels) {
    List<CsvTable.Row> rows = new ArrayList<>();
    for (int i = 0; i < labels.length; i++) {
      rows.add(new CsvTable.Row(i + 1, List.of(Integer.toString(i), labels[i])));
    }
    return new CsvTable(CsvSource.file("labels.csv").labelIndex(1), List.of(), rows);
  }
}

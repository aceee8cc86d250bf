package dev.deepbuild.runtime.data;

import java.util.List;
import java.util.stream.IntStream;

/** The feature matrix of a table: every column but the label, each cell a number. */
public final class FeatureColumns {
  private FeatureColumns() {}

  /** The feature columns' indices, in the order of a row of {@link #read}: the network's inputs. */
  public static List<Integer> indices(CsvTable table, int labelColumn) {
    return IntStream.range(0, table.columnCount()).filter(c -> c != labelColumn).boxed().toList();
  }

  /** One row of feature values per table row, in column order without the label column. */
  public static double[][] read(String model, CsvTable table, int labelColumn) {
    List<CsvTable.Row> rows = table.rows();
    List<Integer> columns = indices(table, labelColumn);
    double[][] features = new double[rows.size()][columns.size()];
    for (int r = 0; r < rows.size(); r++) {
      CsvTable.Row row = rows.get(r);
      for (int f = 0; f < columns.size(); f++) {
        int c = columns.get(f);
        features[r][f] = NumericCells.require(model, table, row, c,
            "Every column but the label must be numeric: fix the value, or if this column holds"
                + " the label, set " + LabelColumn.setting(table, c) + ".");
      }
    }
    return features;
  }
}

package dev.deepbuild.runtime.inspect;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.CsvTable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Encodes a table's class labels with the classes training found, which fix the network's output
 * units. Encoding them afresh would renumber the classes when the table lacks one. Labels match
 * as {@link dev.deepbuild.runtime.data.LabelEncoder} matched them: by value when every class is a
 * number (so {@code 1.0} is class {@code 1}), by text otherwise.
 */
final class TrainedClasses {
  private TrainedClasses() {}

  static double[][] encode(
      String model, CsvTable table, int labelColumn, List<String> classNames, int outputUnits) {
    boolean numeric = classNames.stream().allMatch(name -> !Double.isNaN(number(name)));
    Map<String, Integer> indexOf = new HashMap<>();
    for (int k = 0; k < classNames.size(); k++) {
      indexOf.put(key(classNames.get(k), numeric), k);
    }
    List<CsvTable.Row> rows = table.rows();
    double[][] values = new double[rows.size()][outputUnits];
    for (int r = 0; r < rows.size(); r++) {
      String cell = rows.get(r).cell(labelColumn);
      Integer k = indexOf.get(key(cell, numeric));
      if (k == null) {
        throw new InvalidInputException(model + ": " + table.source().describe() + " line "
            + rows.get(r).line() + ", " + table.describeColumn(labelColumn) + ": \"" + cell
            + "\" is not a class the model was trained on (" + String.join(", ", classNames)
            + "). Fix the label, or remove the row.");
      }
      // One output unit is a binary classifier: target 1 for the second class.
      values[r][outputUnits == 1 ? 0 : k] = outputUnits == 1 ? k : 1;
    }
    return values;
  }

  /** The text classes match by: a number's canonical form, or the text itself. */
  private static String key(String cell, boolean numeric) {
    double value = number(cell);
    // + 0.0 turns -0.0 into 0.0, which LabelEncoder treats as one class.
    return numeric && !Double.isNaN(value) ? Double.toString(value + 0.0) : "text:" + cell;
  }

  /** The cell as a finite number, or NaN. */
  private static double number(String cell) {
    try {
      double value = Double.parseDouble(cell);
      return Double.isFinite(value) ? value : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }
}

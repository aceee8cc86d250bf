package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Turns a table's label column into the network's targets. A classifier's classes are the distinct
 * label values, in numeric order when every value is a number and in string order otherwise; a
 * class's index is its position in that order. One output unit means a binary classifier (target 1
 * for the second class), more units one-hot vectors.
 */
public final class LabelEncoder {
  private static final int CLASSES_SHOWN = 10;

  private LabelEncoder() {}

  /**
   * @param declaredClasses {@code @CsvData(classes)}: 0 infers the count from the data
   * @param outputUnits the size of the network's output layer
   */
  public static EncodedLabels classes(
      String model, CsvTable table, int labelColumn, int declaredClasses, int outputUnits) {
    return classes(model, table.rows().stream().map(row -> row.cell(labelColumn)).toList(),
        declaredClasses, outputUnits);
  }

  /** The same for class values given one per sample, such as the classes of labelled texts. */
  public static EncodedLabels classes(
      String model, List<String> cells, int declaredClasses, int outputUnits) {
    Classes classes = Classes.of(cells);
    checkClassCount(model, classes.names(), declaredClasses, outputUnits);

    double[][] values = new double[cells.size()][outputUnits];
    int[] strata = new int[cells.size()];
    for (int r = 0; r < cells.size(); r++) {
      int k = classes.indexOf().get(cells.get(r));
      strata[r] = k;
      if (outputUnits == 1) {
        values[r][0] = k;
      } else {
        values[r][k] = 1;
      }
    }
    return new EncodedLabels(values, strata, classes.names());
  }

  /** A regression target: the label cell as a number, for a network with one output unit. */
  public static EncodedLabels numbers(String model, CsvTable table, int labelColumn, int outputUnits) {
    if (outputUnits != 1) {
      throw new InvalidInputException(model + ": the output layer has " + outputUnits + " units, but a"
          + " regression model predicts the one label column; set units = 1 on the last layer.");
    }
    List<CsvTable.Row> rows = table.rows();
    double[][] values = new double[rows.size()][1];
    for (int r = 0; r < rows.size(); r++) {
      values[r][0] = NumericCells.require(model, table, rows.get(r), labelColumn,
          "A regression label must be a number: fix the value, or point @CsvData(label = ...) at the"
              + " target column.");
    }
    return new EncodedLabels(values, new int[rows.size()], List.of());
  }

  /** Each distinct cell text's class index, and one name per class in index order. */
  private record Classes(Map<String, Integer> indexOf, List<String> names) {
    static Classes of(List<String> cells) {
      Map<String, Integer> indexOf = new HashMap<>();
      List<String> names = new ArrayList<>();
      if (cells.stream().noneMatch(cell -> Double.isNaN(NumericCells.parse(cell)))) {
        // Cells equal as numbers share a class (1 and 1.0); + 0.0 turns -0.0 into 0.0.
        TreeMap<Double, List<String>> byValue = cells.stream().distinct().collect(
            Collectors.groupingBy(cell -> NumericCells.parse(cell) + 0.0, TreeMap::new,
                Collectors.toList()));
        for (List<String> spellings : byValue.values()) {
          spellings.forEach(spelling -> indexOf.put(spelling, names.size()));
          names.add(spellings.get(0));
        }
      } else {
        cells.stream().distinct().sorted().forEach(cell -> {
          indexOf.put(cell, names.size());
          names.add(cell);
        });
      }
      return new Classes(indexOf, names);
    }
  }

  private static void checkClassCount(
      String model, List<String> names, int declaredClasses, int outputUnits) {
    int found = names.size();
    String has = "the data has " + found + (found == 1 ? " class (" : " classes (") + list(names) + ")";
    if (declaredClasses > 0 && found > declaredClasses) {
      throw new InvalidInputException(model + ": " + has + " but @CsvData(classes = " + declaredClasses
          + ") allows " + declaredClasses + "; set classes = " + found + " (and units = " + found
          + " on the last layer), or check that the label column holds the classes.");
    }
    int classes = declaredClasses > 0 ? declaredClasses : found;
    if (classes < 2) {
      throw new InvalidInputException(model + ": " + has + ", and a classifier needs at least 2;"
          + " check that @CsvData(label = ...) points at the column that holds the classes.");
    }
    if (outputUnits == 1 && classes != 2) {
      throw new InvalidInputException(model + ": the output layer has 1 unit, which is a binary"
          + " classifier of exactly 2 classes, but " + has + (declaredClasses > 0
              ? " and @CsvData(classes = " + declaredClasses + ")" : "")
          + "; set units = " + classes + " with SOFTMAX and CATEGORICAL_CROSSENTROPY on the last"
          + " layer, or check that the label column holds the classes.");
    }
    if (outputUnits > 1 && classes != outputUnits) {
      String counted = declaredClasses > 0
          ? has + " and @CsvData(classes = " + declaredClasses + ") declares " + declaredClasses
          : has;
      String alternative = declaredClasses == 0 && found < outputUnits
          ? " or @CsvData(classes = " + outputUnits + ") if the data lacks some classes"
          : " or check that the label column holds the classes";
      throw new InvalidInputException(model + ": " + counted + " but the output layer has "
          + outputUnits + " units; set units = " + classes + " on the last layer" + alternative + ".");
    }
  }

  private static String list(List<String> names) {
    return names.size() <= CLASSES_SHOWN
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, CLASSES_SHOWN)) + ", ... (" + names.size() + " in all)";
  }
}

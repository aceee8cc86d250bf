package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
    return classes(model, List.of(table), labelColumn, declaredClasses, outputUnits);
  }

  /**
   * The classes of several tables' label column encoded together, so that a class has one index in
   * all of them (a table and its validation table); messages name a label's file and line.
   */
  public static EncodedLabels classes(String model, List<CsvTable> tables, int labelColumn,
      int declaredClasses, int outputUnits) {
    return classes(model, tables, labelColumn, LabelColumn.setting(tables.get(0).source()),
        declaredClasses, outputUnits);
  }

  /**
   * The same, for a column that {@code setting} names, such as {@code @Output(field = ...)} for
   * a functional model's output.
   */
  public static EncodedLabels classes(String model, List<CsvTable> tables, int labelColumn,
      String setting, int declaredClasses, int outputUnits) {
    List<String> cells = new ArrayList<>();
    List<String> places = new ArrayList<>();
    for (CsvTable table : tables) {
      for (CsvTable.Row row : table.rows()) {
        cells.add(row.cell(labelColumn));
        places.add(table.source().describe() + " line " + row.line() + ", "
            + table.describeColumn(labelColumn));
      }
    }
    String check = "check that " + setting + " points at the column that holds the classes";
    return encode(model, new Labels(cells, Optional.of(places), check), declaredClasses, outputUnits);
  }

  /** The same for class values given one per sample, such as the classes of labelled texts. */
  public static EncodedLabels classes(
      String model, List<String> cells, int declaredClasses, int outputUnits) {
    return encode(model, new Labels(cells, Optional.empty(), "check that the samples are labelled"
        + " with their classes"), declaredClasses, outputUnits);
  }

  /**
   * Labels given as class indices into {@code classNames}, which keep their order (a dataset's own
   * label order, such as Fashion-MNIST's, or sorted class folders).
   */
  public static EncodedLabels indexed(String model, int[] labels, List<String> classNames,
      int declaredClasses, int outputUnits) {
    List<String> cells = Arrays.stream(labels).mapToObj(classNames::get).toList();
    Map<String, Integer> indexOf = new HashMap<>();
    for (int k = 0; k < classNames.size(); k++) {
      indexOf.put(classNames.get(k), k);
    }
    return encode(model, new Labels(cells, Optional.empty(), "check that every class folder"
        + " holds its class's images"), new Classes(indexOf, List.copyOf(classNames)),
        declaredClasses, outputUnits);
  }

  /**
   * One label per sample, where each is in the data (for messages), and what a message asks to check
   * when the labels cannot be the classes.
   */
  private record Labels(List<String> cells, Optional<List<String>> places, String check) {}

  private static EncodedLabels encode(
      String model, Labels labels, int declaredClasses, int outputUnits) {
    return encode(model, labels, Classes.of(labels.cells()), declaredClasses, outputUnits);
  }

  private static EncodedLabels encode(
      String model, Labels labels, Classes classes, int declaredClasses, int outputUnits) {
    List<String> cells = labels.cells();
    checkClassCount(model, labels, classes, declaredClasses, outputUnits);

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
          "A regression label must be a number: fix the value, or point "
              + LabelColumn.setting(table.source()) + " at the target column.");
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
      String model, Labels labels, Classes classes, int declaredClasses, int outputUnits) {
    List<String> names = classes.names();
    int found = names.size();
    String has = "the data has " + found + (found == 1 ? " class (" : " classes (") + list(names) + ")";
    if (declaredClasses > 0 && found > declaredClasses) {
      throw new InvalidInputException(model + ": " + has + " but @CsvData(classes = " + declaredClasses
          + ") allows " + declaredClasses + ". " + rarest(labels, classes) + ", set classes = "
          + found + " (and units = " + found + " on the last layer), or " + labels.check() + ".");
    }
    int count = declaredClasses > 0 ? declaredClasses : found;
    if (count < 2) {
      throw new InvalidInputException(model + ": " + has + ", and a classifier needs at least 2; "
          + labels.check() + ".");
    }
    if (outputUnits == 1 && count != 2) {
      throw new InvalidInputException(model + ": the output layer has 1 unit, which is a binary"
          + " classifier of exactly 2 classes, but " + has + (declaredClasses > 0
              ? " and @CsvData(classes = " + declaredClasses + ")" : "")
          + "; set units = " + count + " with SOFTMAX and CATEGORICAL_CROSSENTROPY on the last"
          + " layer, or " + labels.check() + ".");
    }
    if (outputUnits > 1 && count != outputUnits) {
      String counted = declaredClasses > 0
          ? has + " and @CsvData(classes = " + declaredClasses + ") declares " + declaredClasses
          : has;
      String alternative = declaredClasses == 0 && found < outputUnits
          ? " or @CsvData(classes = " + outputUnits + ") if the data lacks some classes"
          : " or " + labels.check();
      throw new InvalidInputException(model + ": " + counted + " but the output layer has "
          + outputUnits + " units; set units = " + count + " on the last layer" + alternative + ".");
    }
  }

  /**
   * Where the class most likely to be a stray label first appears: the rarest, and of equally rare
   * classes the last in order (a label past the declared range, such as 3 of classes 0 to 2).
   */
  private static String rarest(Labels labels, Classes classes) {
    if (labels.places().isEmpty()) {
      return "Fix the stray labels";
    }
    int[] counts = new int[classes.names().size()];
    labels.cells().forEach(cell -> counts[classes.indexOf().get(cell)]++);
    int rarest = 0;
    for (int k = 1; k < counts.length; k++) {
      if (counts[k] <= counts[rarest]) {
        rarest = k;
      }
    }
    int first = 0;
    while (classes.indexOf().get(labels.cells().get(first)) != rarest) {
      first++;
    }
    return "The rarest class, \"" + classes.names().get(rarest) + "\" (" + counts[rarest]
        + (counts[rarest] == 1 ? " row" : " rows") + "), is first at "
        + labels.places().get().get(first) + ". Fix those labels";
  }

  private static String list(List<String> names) {
    return names.size() <= CLASSES_SHOWN
        ? String.join(", ", names)
        : String.join(", ", names.subList(0, CLASSES_SHOWN)) + ", ... (" + names.size() + " in all)";
  }
}

package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.data.CsvTable;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.FeatureColumns;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.LabelColumn;
import dev.deepbuild.runtime.data.LabelEncoder;
import dev.deepbuild.runtime.data.TableFeatures;
import dev.deepbuild.runtime.io.InputSchema;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

/** The rows of a CSV table: numeric feature columns and one label column. */
final class CsvExamples implements Examples {
  private final String model;
  private final CsvTable table;
  private final int labelColumn;
  private final Optional<FixedTestSplit> fixedTestSplit;
  private final Optional<CsvTable> validation;
  private Features features;

  private CsvExamples(String model, CsvTable table, Optional<FixedTestSplit> fixedTestSplit,
      Optional<CsvTable> validation) {
    this.model = model;
    this.table = table;
    this.labelColumn = LabelColumn.resolve(model, table);
    this.fixedTestSplit = fixedTestSplit;
    this.validation = validation;
    validation.ifPresent(this::checkColumns);
  }

  /** A table whose split the model chooses. */
  static CsvExamples of(String model, CsvTable table) {
    return new CsvExamples(model, table, Optional.empty(), Optional.empty());
  }

  /** A dataset's table, which comes with its own test split. */
  static CsvExamples withTestSplit(String model, CsvTable table, FixedTestSplit testSplit) {
    return new CsvExamples(model, table, Optional.of(testSplit), Optional.empty());
  }

  /**
   * A table and a validation table of its own with the same columns: the validation rows follow
   * the table's, and only the table's rows are split into training and test.
   */
  static CsvExamples withValidation(String model, CsvTable table, CsvTable validation) {
    return new CsvExamples(model, table, Optional.empty(), Optional.of(validation));
  }

  @Override
  public int size() {
    return table.rows().size() + validation.map(v -> v.rows().size()).orElse(0);
  }

  @Override
  public int inputs() {
    return table.columnCount() - 1;
  }

  @Override
  public String description() {
    String rows = table.rows().size() + " rows of " + inputs() + " features from "
        + table.source().describe();
    return validation.map(v -> rows + " and " + v.rows().size() + " validation rows from "
        + v.source().describe()).orElse(rows);
  }

  @Override
  public EncodedLabels labels(Task task, int declaredClasses, int outputUnits) {
    if (task == Task.CLASSIFICATION) {
      // Both tables' classes are encoded together, so a class has one index in both.
      return LabelEncoder.classes(model, tables(), labelColumn, declaredClasses, outputUnits);
    }
    List<EncodedLabels> parts = tables().stream()
        .map(part -> LabelEncoder.numbers(model, part, labelColumn, outputUnits)).toList();
    return new EncodedLabels(concat(parts.stream().map(EncodedLabels::values).toList()),
        new int[size()], List.of());
  }

  @Override
  public Optional<FixedTestSplit> fixedTestSplit() {
    return fixedTestSplit;
  }

  @Override
  public Optional<int[]> fixedValidationRows() {
    return validation.map(v -> IntStream.range(table.rows().size(), size()).toArray());
  }

  /** A table's features learn nothing from its rows, so every split and fold shares them. */
  @Override
  public Features features(int[] trainingRows) {
    if (features == null) {
      features = TableFeatures.of(concat(tables().stream()
          .map(part -> FeatureColumns.read(model, part, labelColumn)).toList()));
    }
    return features;
  }

  @Override
  public InputSchema schema() {
    List<Integer> columns = FeatureColumns.indices(table, labelColumn);
    List<String> header = table.header();
    return new InputSchema.Csv(columns,
        header.isEmpty() ? List.of() : columns.stream().map(header::get).toList(), labelColumn,
        header.isEmpty() ? "" : header.get(labelColumn), table.source().delimiter(),
        table.source().header());
  }

  private List<CsvTable> tables() {
    List<CsvTable> tables = new ArrayList<>(List.of(table));
    validation.ifPresent(tables::add);
    return tables;
  }

  private void checkColumns(CsvTable other) {
    if (other.columnCount() != table.columnCount() || !other.header().equals(table.header())) {
      throw new InvalidInputException(model + ": the validation data, " + other.source().describe()
          + ", has " + other.columnCount() + " columns" + (other.header().isEmpty() ? "" : " ("
          + String.join(", ", other.header()) + ")") + ", but " + table.source().describe()
          + " has " + table.columnCount() + (table.header().isEmpty() ? "" : " ("
          + String.join(", ", table.header()) + ")") + "; give both tables the same columns.");
    }
  }

  private static double[][] concat(List<double[][]> parts) {
    return parts.stream().flatMap(Arrays::stream).toArray(double[][]::new);
  }
}

package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.data.CsvTable;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.FeatureColumns;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.LabelColumn;
import dev.deepbuild.runtime.data.LabelEncoder;
import dev.deepbuild.runtime.data.TableFeatures;
import java.util.Optional;

/** The rows of a CSV table: numeric feature columns and one label column. */
final class CsvExamples implements Examples {
  private final String model;
  private final CsvTable table;
  private final int labelColumn;
  private final Optional<FixedTestSplit> fixedTestSplit;

  private CsvExamples(String model, CsvTable table, Optional<FixedTestSplit> fixedTestSplit) {
    this.model = model;
    this.table = table;
    this.labelColumn = LabelColumn.resolve(model, table);
    this.fixedTestSplit = fixedTestSplit;
  }

  /** A table whose split the model chooses. */
  static CsvExamples of(String model, CsvTable table) {
    return new CsvExamples(model, table, Optional.empty());
  }

  /** A dataset's table, which comes with its own test split. */
  static CsvExamples withTestSplit(String model, CsvTable table, FixedTestSplit testSplit) {
    return new CsvExamples(model, table, Optional.of(testSplit));
  }

  @Override
  public int size() {
    return table.rows().size();
  }

  @Override
  public int inputs() {
    return table.columnCount() - 1;
  }

  @Override
  public String description() {
    return size() + " rows of " + inputs() + " features from " + table.source().describe();
  }

  @Override
  public EncodedLabels labels(Task task, int declaredClasses, int outputUnits) {
    return task == Task.CLASSIFICATION
        ? LabelEncoder.classes(model, table, labelColumn, declaredClasses, outputUnits)
        : LabelEncoder.numbers(model, table, labelColumn, outputUnits);
  }

  @Override
  public Optional<FixedTestSplit> fixedTestSplit() {
    return fixedTestSplit;
  }

  @Override
  public Features features(int[] trainingRows) {
    return TableFeatures.of(FeatureColumns.read(model, table, labelColumn));
  }
}

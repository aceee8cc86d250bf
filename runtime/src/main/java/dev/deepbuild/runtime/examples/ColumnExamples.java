package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.CsvTable;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.data.LabelEncoder;
import dev.deepbuild.runtime.data.NamedColumns;
import dev.deepbuild.runtime.data.TableFeatures;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.network.NetworkOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The rows of a CSV table as a functional model reads them: each named input a group of numeric
 * columns, each named output a column of classes or target numbers, all by header name. A
 * validation table of its own, with the same header, follows the table's rows as fixed validation
 * rows. The split is stratified by the first output, as a sequential model's is by its label.
 */
final class ColumnExamples extends NamedExamples {
  private final CsvTable table;
  private final Optional<CsvTable> validation;
  private final List<List<Integer>> inputColumns = new ArrayList<>();
  private final List<Integer> outputColumns = new ArrayList<>();
  private List<Features> features;

  ColumnExamples(ModelSpec spec, CsvTable table, Optional<CsvTable> validation) {
    super(spec);
    this.table = table;
    this.validation = validation;
    for (InputSpec input : spec.inputs()) {
      if (input.columns().isEmpty()) {
        throw new InvalidInputException(spec.name() + ": the input " + input.name() + " reads"
            + " no columns of " + table.source().describe() + "; name them, such as"
            + " @Input(columns = {\"sepal_length\", \"sepal_width\"}).");
      }
      inputColumns.add(NamedColumns.indices(spec.name(), table, input.columns(),
          "the input " + input.name()));
    }
    for (OutputSpec output : spec.outputs()) {
      outputColumns.add(NamedColumns.index(spec.name(), table, output.field(),
          "the output " + output.name()));
    }
    validation.ifPresent(this::checkHeader);
  }

  @Override
  public int size() {
    return table.rows().size() + validation.map(v -> v.rows().size()).orElse(0);
  }

  @Override
  public List<Integer> inputWidths() {
    return inputColumns.stream().map(List::size).toList();
  }

  @Override
  public String description() {
    String inputs = IntStream.range(0, inputColumns.size())
        .mapToObj(i -> spec.inputs().get(i).name() + " (" + inputColumns.get(i).size()
            + " columns)")
        .collect(Collectors.joining(", "));
    String outputs = spec.outputs().stream()
        .map(output -> output.name() + (output.name().equals(output.field()) ? ""
            : " (" + output.field() + ")"))
        .collect(Collectors.joining(", "));
    String rows = table.rows().size() + " rows from " + table.source().describe()
        + validation.map(v -> " and " + v.rows().size() + " validation rows from "
            + v.source().describe()).orElse("");
    return rows + "; inputs " + inputs + "; outputs " + outputs;
  }

  @Override
  EncodedLabels encode(int output, int units) {
    OutputSpec spec = this.spec.outputs().get(output);
    String model = this.spec.name() + " output " + spec.name();
    int column = outputColumns.get(output);
    if (spec.task() == Task.CLASSIFICATION) {
      // Both tables' classes are encoded together, so a class has one index in both.
      return LabelEncoder.classes(model, tables(), column, "@Output(field = ...)",
          spec.classes(), units);
    }
    if (units != 1) {
      throw new InvalidInputException(model + ": the output layer has " + units + " units, but"
          + " a regression output predicts the one column " + spec.field() + "; set units = 1.");
    }
    double[][] values = concat(tables().stream().map(part -> NamedColumns.numbers(model, part,
        List.of(column), "the output " + spec.name())).toList());
    return new EncodedLabels(values, new int[size()], List.of());
  }

  @Override
  public Optional<FixedTestSplit> fixedTestSplit() {
    return Optional.empty();
  }

  @Override
  public Optional<int[]> fixedValidationRows() {
    return validation.map(v -> IntStream.range(table.rows().size(), size()).toArray());
  }

  /** A table's features learn nothing from its rows, so every split and fold shares them. */
  @Override
  public List<Features> inputFeatures(int[] trainingRows) {
    if (features == null) {
      features = new ArrayList<>();
      for (int i = 0; i < inputColumns.size(); i++) {
        String reader = "the input " + spec.inputs().get(i).name();
        List<Integer> columns = inputColumns.get(i);
        features.add(TableFeatures.of(concat(tables().stream()
            .map(part -> NamedColumns.numbers(spec.name(), part, columns, reader)).toList())));
      }
    }
    return features;
  }

  @Override
  public InputSchema schema() {
    return inputSchemas().get(0);
  }

  /** Each input's columns, with the first output's column as the label. */
  @Override
  public List<InputSchema> inputSchemas() {
    int label = outputColumns.get(0);
    return inputColumns.stream()
        .<InputSchema>map(columns -> new InputSchema.Csv(columns,
            columns.stream().map(table.header()::get).toList(), label, table.header().get(label),
            table.source().delimiter(), true))
        .toList();
  }

  private List<CsvTable> tables() {
    List<CsvTable> tables = new ArrayList<>(List.of(table));
    validation.ifPresent(tables::add);
    return tables;
  }

  private void checkHeader(CsvTable other) {
    if (!other.header().equals(table.header())) {
      throw new InvalidInputException(spec.name() + ": the validation data, "
          + other.source().describe() + ", has the columns " + String.join(", ", other.header())
          + ", but " + table.source().describe() + " has " + String.join(", ", table.header())
          + "; give both tables the same columns.");
    }
  }

  private static double[][] concat(List<double[][]> parts) {
    return parts.stream().flatMap(Arrays::stream).toArray(double[][]::new);
  }
}

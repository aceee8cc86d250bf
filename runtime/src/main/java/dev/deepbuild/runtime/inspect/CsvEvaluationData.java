package dev.deepbuild.runtime.inspect;

import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.CsvTable;
import dev.deepbuild.runtime.data.CsvTableReader;
import dev.deepbuild.runtime.data.DataSource;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.FeatureColumns;
import dev.deepbuild.runtime.data.LabelColumn;
import dev.deepbuild.runtime.data.LabelEncoder;
import dev.deepbuild.runtime.data.ModelData;
import dev.deepbuild.runtime.data.NamedColumns;
import dev.deepbuild.runtime.data.ImageSource;
import dev.deepbuild.runtime.data.ProvidedSource;
import dev.deepbuild.runtime.data.TableFeatures;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.train.ModelInputs;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Every row of another CSV file with the training table's columns, read as {@code @CsvData} reads
 * the training table (same label column, header and delimiter; a functional model's inputs and
 * outputs by the same header names). Its labels are encoded with the
 * classes training found, so class indices mean what they meant to the network.
 */
final class CsvEvaluationData {
  private final Path baseDir;
  private final ClassLoader resources;

  CsvEvaluationData(Path baseDir, ClassLoader resources) {
    this.baseDir = baseDir;
    this.resources = resources;
  }

  /**
   * @param file the CSV file, relative to the project's base directory unless absolute
   * @param training the model's inputs as training prepared them
   */
  EvaluationData read(ModelSpec spec, Path file, ModelInputs training, DataType type) {
    String model = spec.name();
    CsvSource trained = trainedTable(spec);
    CsvTableReader reader = new CsvTableReader(baseDir, resources);
    CsvSource source = new CsvSource(file.toString(), false, trained.labelIndex(),
        trained.labelColumn(), trained.header(), trained.delimiter());
    CsvTable table = reader.read(model, source);
    checkColumns(model, reader.read(model, trained), table);
    if (spec.functional()) {
      return EvaluationData.all(namedColumns(spec, table, training), table.rows().size(), type,
          "all " + table.rows().size() + " rows of " + source.describe());
    }
    int labelColumn = LabelColumn.resolve(model, table);
    int outputUnits = training.labels().values()[0].length;
    double[][] labels = spec.task() == Task.CLASSIFICATION
        ? TrainedClasses.encode(model, table, labelColumn, training.labels().classNames(), outputUnits)
        : LabelEncoder.numbers(model, table, labelColumn, outputUnits).values();
    ModelData data = ModelData.of(TableFeatures.of(FeatureColumns.read(model, table, labelColumn)),
        labels);
    return EvaluationData.all(data, table.rows().size(), type,
        "all " + table.rows().size() + " rows of " + source.describe());
  }

  /**
   * A functional model's inputs and outputs of {@code table}, read by the header names training
   * read, each classifying output's labels encoded with the classes training found.
   */
  private static ModelData namedColumns(ModelSpec spec, CsvTable table, ModelInputs training) {
    String model = spec.name();
    List<Features> inputs = new ArrayList<>();
    for (InputSpec input : spec.inputs()) {
      String reader = "the input " + input.name();
      inputs.add(TableFeatures.of(NamedColumns.numbers(model, table,
          NamedColumns.indices(model, table, input.columns(), reader), reader)));
    }
    List<double[][]> labels = new ArrayList<>();
    for (int i = 0; i < spec.outputs().size(); i++) {
      OutputSpec output = spec.outputs().get(i);
      String reader = "the output " + output.name();
      int column = NamedColumns.index(model, table, output.field(), reader);
      EncodedLabels trained = training.outputLabels().get(i);
      labels.add(output.task() == Task.CLASSIFICATION
          ? TrainedClasses.encode(model, table, column, trained.classNames(),
              trained.values()[0].length)
          : NamedColumns.numbers(model, table, List.of(column), reader));
    }
    return new ModelData(inputs, labels);
  }

  /**
   * The table the model was trained on, whose columns another table must have; a model that
   * reads anything else cannot be evaluated on a CSV file.
   */
  private static CsvSource trainedTable(ModelSpec spec) {
    return spec.data().accept(new DataSource.Visitor<CsvSource, RuntimeException>() {
      @Override
      public CsvSource csv(CsvSource source) {
        return source;
      }

      @Override
      public CsvSource builtin(BuiltinSource source) {
        throw notATable(spec);
      }

      @Override
      public CsvSource text(TextSource source) {
        throw notATable(spec);
      }

      @Override
      public CsvSource provided(ProvidedSource source) {
        throw notATable(spec);
      }

      @Override
      public CsvSource image(ImageSource source) {
        throw notATable(spec);
      }
    });
  }

  private static InvalidInputException notATable(ModelSpec spec) {
    String model = spec.name();
    return new InvalidInputException(model + ": -Ddl.evaluate.data takes a CSV file for models"
        + " with @CsvData, but " + model + " reads " + spec.data().describe() + ". Leave"
        + " dl.evaluate.data unset to evaluate it on its test split, or select only @CsvData"
        + " models with -Ddl.models.");
  }

  /** The same columns as the training table: as many, and the same names where it has a header. */
  private static void checkColumns(String model, CsvTable trained, CsvTable table) {
    String fix = " Give -Ddl.evaluate.data a table with the training table's columns, in its order.";
    if (table.columnCount() != trained.columnCount()) {
      throw new InvalidInputException(model + ": " + table.source().describe() + " has "
          + table.columnCount() + " columns, but the model was trained on "
          + trained.source().describe() + ", which has " + trained.columnCount() + "." + fix);
    }
    if (!table.header().equals(trained.header())) {
      throw new InvalidInputException(model + ": " + table.source().describe() + " has the columns "
          + table.header() + ", but the model was trained on " + trained.source().describe()
          + ", which has " + trained.header() + "." + fix);
    }
  }
}

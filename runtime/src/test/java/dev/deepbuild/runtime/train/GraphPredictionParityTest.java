package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.data.CsvLineParser;
import dev.deepbuild.runtime.data.PreparedData;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.inspect.ModelFile;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.TrainableNetwork;
import dev.deepbuild.runtime.predict.ExpectedModel;
import dev.deepbuild.runtime.predict.ModelInput;
import dev.deepbuild.runtime.predict.OutputPredictions;
import dev.deepbuild.runtime.predict.PackagedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.MultiNormalizerStandardize;

/**
 * A functional model of two named inputs and two named outputs, trained for real and saved as
 * training saves it, predicts through {@link PackagedModel#predictNamed} from raw inputs (each
 * input's own texts or numbers) exactly the outputs, bit for bit, that the trainer's test metrics
 * were computed from, when the test rows are predicted in one batch: each input encoded with its
 * own vocabulary, and each table input standardized with its own statistics of the saved
 * multi-normalizer.
 */
class GraphPredictionParityTest {
  @TempDir Path base;
  private final List<String> log = new ArrayList<>();

  @Test
  void twoTextInputsEachWithItsVocabularyPredictBothOutputsAsTested() throws IOException {
    FieldedTextTrainingTest.tickets(base.resolve("tickets.csv"));
    ModelDefinition model = Definitions.configured(FieldedTextTrainingTest.spec(),
        inputs -> FieldedTextTrainingTest.graph());
    ModelInputs inputs = train(model);
    List<List<String>> cells = cells("tickets.csv");
    List<Map<String, ModelInput>> rows = new ArrayList<>();
    for (int row : inputs.split().test()) {
      rows.add(Map.of("title", ModelInput.text(cells.get(row).get(0)),
          "body", ModelInput.text(cells.get(row).get(1))));
    }
    ExpectedModel expected = ExpectedModel.named("tickets")
        .textInput("title", OutputMode.MULTI_HOT, 200, 0)
        .textInput("body", OutputMode.MULTI_HOT, 400, 0)
        .classificationOutput("team", 3)
        .classificationOutput("urgent", 2);

    List<OutputPredictions> predicted = assertPredictsAsTested(inputs, expected, rows);

    // The binary output of one sigmoid unit reads as its two classes, as the metrics count them.
    assertEquals(List.of("no", "yes"), predicted.get(0).classified("urgent").classes());
    assertEquals(List.of("account", "billing", "network"),
        predicted.get(0).classified("team").classes());
  }

  @Test
  void multiHotDenseLayersOnBothTextInputsPredictAsTested() throws IOException {
    assertSparsePredictsAsTested(FieldedTextTrainingTest.bags(true));
  }

  @Test
  void aMultiHotDenseOnTheConcatenatedTextsPredictsAsTested() throws IOException {
    assertSparsePredictsAsTested(FieldedTextTrainingTest.graph(true));
  }

  private void assertSparsePredictsAsTested(NetworkConfiguration network) throws IOException {
    FieldedTextTrainingTest.tickets(base.resolve("tickets.csv"));
    ModelInputs inputs = train(Definitions.configured(FieldedTextTrainingTest.spec(),
        ignored -> network));
    List<List<String>> cells = cells("tickets.csv");
    List<Map<String, ModelInput>> rows = new ArrayList<>();
    for (int row : inputs.split().test()) {
      rows.add(Map.of("title", ModelInput.text(cells.get(row).get(0)),
          "body", ModelInput.text(cells.get(row).get(1))));
    }

    assertPredictsAsTested(inputs, ExpectedModel.named("tickets")
        .textInput("title", OutputMode.MULTI_HOT, 200, 0)
        .textInput("body", OutputMode.MULTI_HOT, 400, 0)
        .classificationOutput("team", 3)
        .classificationOutput("urgent", 2), rows);
  }

  @Test
  void twoTableInputsStandardizedEachWithItsStatisticsPredictAClassAndAValueAsTested()
      throws IOException {
    FunctionalDataTrainingTest.table(base.resolve("flowers.csv"));
    ModelDefinition model = Definitions.configured(
        FunctionalDataTrainingTest.csvSpec(7).epochs(10).build(),
        inputs -> FunctionalDataTrainingTest.graph(7));
    ModelInputs inputs = train(model);
    assertInstanceOf(MultiNormalizerStandardize.class,
        ModelFile.load(file(inputs)).normalizer().orElseThrow().normalizer());
    List<List<String>> cells = cells("flowers.csv");
    List<Map<String, ModelInput>> rows = new ArrayList<>();
    for (int row : inputs.split().test()) {
      List<String> line = cells.get(row);
      rows.add(Map.of(
          "shape", ModelInput.features(Double.parseDouble(line.get(0)),
              Double.parseDouble(line.get(1))),
          "scale", ModelInput.columns(Map.of("stem", Double.parseDouble(line.get(3))))));
    }
    ExpectedModel expected = ExpectedModel.named("flowers")
        .tableInput("shape", 2)
        .tableInput("scale", 1)
        .classificationOutput("species", 0)
        .regressionOutput("size");

    List<OutputPredictions> predicted = assertPredictsAsTested(inputs, expected, rows);

    assertEquals(List.of("species", "size"), List.copyOf(predicted.get(0).predictions().keySet()));
    assertEquals(List.of("setosa", "versicolor", "virginica"),
        predicted.get(0).classified("species").classes());
  }

  /**
   * The network's outputs on the test split as the trainer evaluated it (the same preparation,
   * the saved weights) equal the predictor's in one batch, output by output and row by row, and
   * the typed predictions are read from them.
   */
  private List<OutputPredictions> assertPredictsAsTested(ModelInputs inputs,
      ExpectedModel expected, List<Map<String, ModelInput>> rows) throws IOException {
    TrainableNetwork net = ModelFile.load(file(inputs)).net();
    PreparedData data = PreparedData.of(inputs.data(), inputs.split(), net.dataType(),
        inputs.spec().standardize());
    int outputs = inputs.spec().outputs().size();
    List<List<double[]>> tested = new ArrayList<>();
    for (int k = 0; k < outputs; k++) {
      tested.add(new ArrayList<>());
    }
    data.test().orElseThrow().inOrder(4096, chunk -> {
      INDArray[] out = net.output(chunk.getFeatures());
      for (int k = 0; k < outputs; k++) {
        tested.get(k).addAll(Arrays.asList(out[k].toDoubleMatrix()));
      }
    });
    assertEquals(inputs.split().test().length, tested.get(0).size());

    PackagedModel model = PackagedModel.load(expected, file(inputs));
    List<double[][]> batch = model.outputsNamed(rows);
    List<OutputPredictions> predicted = model.predictNamed(rows);
    assertEquals(rows.size(), predicted.size());
    for (int k = 0; k < outputs; k++) {
      String output = inputs.spec().outputs().get(k).name();
      for (int i = 0; i < rows.size(); i++) {
        double[] row = tested.get(k).get(i);
        assertArrayEquals(row, batch.get(k)[i],
            "output " + output + ", test row " + i + " in one batch");
        if (inputs.spec().outputs().get(k).task() == Task.REGRESSION) {
          assertEquals(row[0], predicted.get(i).regressed(output).value());
        } else {
          assertArrayEquals(row.length == 1 ? new double[] {1 - row[0], row[0]} : row,
              predicted.get(i).classified(output).probabilities(), output + ", test row " + i);
        }
      }
    }
    return predicted;
  }

  private ModelInputs train(ModelDefinition model) {
    new ModelTrainer(base, base.resolve("target/deepbuild"), getClass().getClassLoader(), log::add)
        .train(model);
    return ModelInputs.prepare(model, new ExamplesReader(base, getClass().getClassLoader(),
        log::add));
  }

  private Path file(ModelInputs inputs) {
    return base.resolve("target/deepbuild").resolve(inputs.spec().name()).resolve("model.zip");
  }

  /** Each data row's cells, the header row left out. */
  private List<List<String>> cells(String file) throws IOException {
    List<String> lines = Files.readAllLines(base.resolve(file));
    CsvLineParser parser = new CsvLineParser(',');
    return lines.subList(1, lines.size()).stream().filter(line -> !line.isBlank())
        .map(parser::split).toList();
  }
}

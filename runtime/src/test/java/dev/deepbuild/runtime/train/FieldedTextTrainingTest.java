package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.model.Vectorization;
import dev.deepbuild.runtime.network.MultiHotConcat;
import dev.deepbuild.runtime.network.MultiHotDense;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.function.Function;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A functional model of the user's own text file ({@code @TextData(file = ...)}): each input
 * vectorizes a text field of the file with a vocabulary of its own, fitted on the training rows,
 * and each output predicts a label field of the same file. The team is named in the body only and
 * the urgency in the title only.
 */
class FieldedTextTrainingTest {
  private static final int ROWS = 240;
  private static final String[] TEAMS = {"billing", "network", "account"};

  @TempDir Path base;
  private final List<String> log = new ArrayList<>();

  @Test
  void twoTextFieldsAndTwoLabelFieldsOfOneFileTrainEndToEnd() throws IOException {
    tickets(base.resolve("tickets.csv"));
    ModelDefinition model = Definitions.configured(spec(), inputs -> graph());

    ModelReport report = new ModelTrainer(base, base.resolve("out"),
        getClass().getClassLoader(), log::add).train(model);

    assertEquals(List.of("team", "urgent"), List.copyOf(report.outputs().keySet()));
    assertTrue(report.metric("team", DataSplit.TEST, Metric.ACCURACY).orElseThrow() > 0.9,
        report.outputs().toString());
    assertTrue(report.metric("urgent", DataSplit.TEST, Metric.ACCURACY).orElseThrow() > 0.9,
        report.outputs().toString());
    // Each row has a word of its own: the body's vocabulary holds those of training rows only.
    ModelInputs inputs = ModelInputs.prepare(model, new ExamplesReader(base,
        getClass().getClassLoader(), log::add));
    Set<String> training = Arrays.stream(inputs.split().train()).mapToObj(row -> "ref" + row)
        .collect(Collectors.toSet());
    List<String> own = inputs.inputFeatures().get(1).vocabulary().stream()
        .filter(word -> word.startsWith("ref")).toList();
    assertEquals(training.size(), own.size());
    assertTrue(training.containsAll(own), own.toString());
    assertFalse(inputs.inputFeatures().get(0).vocabulary().contains("ref0"));
  }

  @Test
  void multiHotDenseLayersOnTheTextInputsTrainAsDenseLayersDo() throws IOException {
    assertTrainsAlike(FieldedTextTrainingTest::bags);
  }

  @Test
  void aMultiHotDenseOnTheConcatenatedTextsTrainsAsADenseLayerDoes() throws IOException {
    assertTrainsAlike(FieldedTextTrainingTest::graph);
  }

  /** The same metrics, within float rounding, from the dense and the sparse form of a network. */
  private void assertTrainsAlike(Function<Boolean, NetworkConfiguration> network)
      throws IOException {
    tickets(base.resolve("tickets.csv"));
    ModelTrainer trainer = new ModelTrainer(base, base.resolve("out"),
        getClass().getClassLoader(), log::add);

    ModelReport dense = trainer.train(Definitions.configured(spec(), in -> network.apply(false)));
    ModelReport sparse = trainer.train(Definitions.configured(spec(), in -> network.apply(true)));

    assertEquals(dense.outputs().keySet(), sparse.outputs().keySet());
    dense.outputs().forEach((output, splits) -> splits.forEach((split, values) ->
        values.forEach((metric, value) -> assertEquals(value,
            sparse.outputs().get(output).get(split).get(metric), 1e-4,
            output + " " + split + " " + metric))));
  }

  @Test
  void aFieldTheFileLacksNamesTheFileAndTheSetting() throws IOException {
    tickets(base.resolve("tickets.csv"));
    ModelSpec spec = ModelSpec.builder("tickets").seed(4).data(TextSource.file("tickets.csv"))
        .input(InputSpec.named("title").vectorize(new Vectorization(200, OutputMode.MULTI_HOT, 0)))
        .input(InputSpec.named("text").vectorize(new Vectorization(200, OutputMode.MULTI_HOT, 0)))
        .output(OutputSpec.named("team").classification(0))
        .epochs(1).batchSize(16).build();

    String message = assertThrows(InvalidInputException.class, () -> new ModelTrainer(base,
        base.resolve("out"), getClass().getClassLoader(), log::add)
        .train(Definitions.configured(spec, inputs -> graph()))).getMessage();

    assertEquals("tickets: the text file " + base.resolve("tickets.csv") + " has no column"
        + " 'text'; its header names [title, body, team, urgent]. Set @Input(field = ...) to one"
        + " of them, or rename the column in the header.", message);
  }

  static ModelSpec spec() {
    return ModelSpec.builder("tickets").seed(4).data(TextSource.file("tickets.csv"))
        .split(0.2, 0.2)
        .input(InputSpec.named("title").vectorize(new Vectorization(200, OutputMode.MULTI_HOT, 0)))
        .input(InputSpec.named("body").vectorize(new Vectorization(400, OutputMode.MULTI_HOT, 0)))
        .output(OutputSpec.named("team").classification(0))
        .output(OutputSpec.named("urgent").classification(0))
        .epochs(15).batchSize(16).build();
  }

  static NetworkConfiguration graph() {
    return graph(false);
  }

  /**
   * The two texts concatenated into one dense layer: DL4J's merge and dense layer on the multi-hot
   * rows, or {@link MultiHotConcat} and {@link MultiHotDense} on the word indices, with the same
   * weights.
   */
  static NetworkConfiguration graph(boolean sparse) {
    return NetworkConfiguration.of(new NeuralNetConfiguration.Builder().seed(4)
        .weightInit(WeightInit.XAVIER).updater(new Adam(0.01)).graphBuilder()
        .addInputs("title", "body")
        .setInputTypes(InputType.feedForward(200), InputType.feedForward(400))
        .addVertex("words", sparse ? new MultiHotConcat(200, 400) : new MergeVertex(), "title",
            "body")
        .addLayer("hidden", (sparse ? new MultiHotDense.Builder() : new DenseLayer.Builder())
            .nOut(16).activation(Activation.RELU).build(), "words")
        .addLayer("team", new OutputLayer.Builder(LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "hidden")
        .addLayer("urgent", new OutputLayer.Builder(LossFunction.XENT).nOut(1)
            .activation(Activation.SIGMOID).build(), "hidden")
        .setOutputs("team", "urgent")
        .build());
  }

  /**
   * A layer of its own on each text input, then their concatenation: DL4J's dense layers on the
   * multi-hot rows, or {@link MultiHotDense} on the word indices, with the same weights.
   */
  static NetworkConfiguration bags(boolean sparse) {
    return NetworkConfiguration.of(new NeuralNetConfiguration.Builder().seed(4)
        .weightInit(WeightInit.XAVIER).updater(new Adam(0.01)).graphBuilder()
        .addInputs("title", "body")
        .setInputTypes(InputType.feedForward(200), InputType.feedForward(400))
        .addLayer("titleWords", words(sparse), "title")
        .addLayer("bodyWords", words(sparse), "body")
        .addVertex("words", new MergeVertex(), "titleWords", "bodyWords")
        .addLayer("team", new OutputLayer.Builder(LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "words")
        .addLayer("urgent", new OutputLayer.Builder(LossFunction.XENT).nOut(1)
            .activation(Activation.SIGMOID).build(), "words")
        .setOutputs("team", "urgent")
        .build());
  }

  private static FeedForwardLayer words(boolean sparse) {
    return (sparse ? new MultiHotDense.Builder() : new DenseLayer.Builder()).nOut(8)
        .activation(Activation.RELU).build();
  }

  /** A title that says whether it is urgent, a body that names the team and a word of its own. */
  static void tickets(Path file) throws IOException {
    StringBuilder csv = new StringBuilder("title,body,team,urgent\n");
    for (int r = 0; r < ROWS; r++) {
      String team = TEAMS[r % 3];
      boolean urgent = (r / 3) % 2 == 0;
      csv.append(urgent ? "\"urgent: please help now\"" : "\"a question when you have time\"")
          .append(",\"my ").append(team).append(" issue, see ref").append(r).append("\",")
          .append(team).append(',').append(urgent ? "yes" : "no").append('\n');
    }
    Files.writeString(file, csv);
  }
}

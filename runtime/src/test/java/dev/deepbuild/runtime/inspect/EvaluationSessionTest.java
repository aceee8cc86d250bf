package dev.deepbuild.runtime.inspect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.gate.CheckOutcome;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.build.result.ConfusionCounts;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.fork.BlobsModel;
import dev.deepbuild.runtime.incremental.Decision;
import dev.deepbuild.runtime.incremental.IncrementalTraining;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.train.ModelInputs;
import dev.deepbuild.runtime.train.ModelTrainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** Trains {@link BlobsModel} for real, then evaluates the saved model. */
class EvaluationSessionTest {
  private static final double NONE = Double.NaN;
  private static final ClassLoader LOADER = EvaluationSessionTest.class.getClassLoader();

  @TempDir Path project;
  private final List<String> log = new ArrayList<>();

  @Test
  void savedModelOnItsTestSplitHasExactlyTheMetricsTrainingMeasured() {
    ModelReport trained = train();
    ModelOutcome outcome = evaluate(null, new BlobsModel().spec().thresholds());

    assertNull(outcome.error());
    assertEquals(trained.metrics(), outcome.report().metrics());
    assertEquals(trained.confusion(), outcome.report().confusion());
    CheckOutcome check = outcome.checks().get(0);
    assertTrue(check.passed(), check.message());
    assertEquals(trained.metric(DataSplit.TEST, Metric.ACCURACY).getAsDouble(), check.actual());
    assertFalse(check.message().contains(";"), check.message());
    assertTrue(log.contains("Evaluating blobs (test.Blobs)"), String.join("\n", log));
    assertTrue(log.stream().anyMatch(line -> line.startsWith("blobs: evaluating "
        + Path.of("target/deepbuild/blobs/model.zip") + " on its test split: 30 of 120 rows")),
        String.join("\n", log));
    assertTrue(log.stream().anyMatch(line -> line.matches(
        "blobs: evaluated in \\d+\\.\\d s - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4} - .*")),
        String.join("\n", log));
  }

  @Test
  void thresholdOnAnotherSplitIsCheckedAgainstTheSavedValueAndSaysSo() {
    ModelReport trained = train();
    ModelOutcome outcome = evaluate(null,
        List.of(new ThresholdSpec(Metric.ACCURACY, DataSplit.TRAIN, 0.5, NONE)));

    CheckOutcome check = outcome.checks().get(0);
    assertEquals(trained.metric(DataSplit.TRAIN, Metric.ACCURACY).getAsDouble(), check.actual());
    assertTrue(check.message().endsWith(" (minimum 0.500); as dl:train measured it (metrics.json)"),
        check.message());
  }

  @Test
  void modelThatWasNeverTrainedIsAnErrorThatSaysToTrainFirst() {
    ModelOutcome outcome = evaluate(null, List.of());

    assertEquals("blobs: there is no trained model at "
        + project.resolve("target/deepbuild/blobs/model.zip") + ". Run mvn dl:train first:"
        + " dl:evaluate evaluates the model dl:train saved, and never trains.", outcome.error());
  }

  @Test
  void modelWhoseLayersChangedSinceTrainingIsStale() {
    train();
    ModelDefinition wider = Definitions.of(new BlobsModel().spec(),
        inputs -> new NeuralNetConfiguration.Builder().seed(7L).list()
            .layer(new DenseLayer.Builder().nIn(inputs).nOut(6).activation(Activation.RELU).build())
            .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
                .nIn(6).nOut(2).activation(Activation.SOFTMAX).build())
            .build());
    ModelOutcome outcome = session(null).run(List.of(wider), ModelSpec::thresholds).models().get(0);

    assertEquals(refusal("the network changed"), outcome.error());
  }

  @Test
  void modelWhoseSeedChangedIsNotEvaluatedOnAnotherSplit() {
    train();
    // Another seed shuffles other rows into the test split: some of them trained the saved model.
    ModelDefinition reseeded = withSpec(spec -> spec.seed(8));

    ModelOutcome outcome = session(null).run(List.of(reseeded), ModelSpec::thresholds).models().get(0);

    assertEquals(refusal("the seed changed (7 -> 8 (network 7))"), outcome.error());
    assertNull(outcome.report());
  }

  @Test
  void modelWhoseSplitChangedIsRefusedEvenOnAnotherCsv() throws IOException {
    train();
    Path file = writeRows("test-rows.csv", testRows(), row -> true);
    ModelDefinition resplit = withSpec(spec -> spec.split(0.3, 0.2));

    ModelOutcome outcome = session(file).run(List.of(resplit), ModelSpec::thresholds).models().get(0);

    assertEquals(refusal("testFraction changed (0.25 -> 0.3) and validationFraction changed"
        + " (0.25 -> 0.2)"), outcome.error());
  }

  @Test
  void modelWhoseDataChangedIsRefused() throws IOException {
    Files.writeString(project.resolve("blobs.csv"), resource("blobs.csv"));
    ModelDefinition fromFile = withSpec(spec -> spec.data(CsvSource.file("blobs.csv").labelIndex(2)));
    train(fromFile);
    Files.writeString(project.resolve("blobs.csv"), resource("blobs.csv") + "0.5,0.5,1\n");

    ModelOutcome outcome = session(null).run(List.of(fromFile), ModelSpec::thresholds).models().get(0);

    assertEquals(refusal("the data changed (blobs.csv)"), outcome.error());
  }

  /** The refusal of an out-of-date saved model, for {@code reason}. */
  private String refusal(String reason) {
    return "blobs: cannot evaluate " + Path.of("target/deepbuild/blobs/model.zip") + ", because "
        + reason + ": its test split and features might not be those it was trained and tested"
        + " with. Run mvn dl:train to train the model as declared, then dl:evaluate.";
  }

  /** Blobs with its spec rebuilt with {@code change}. */
  private static ModelDefinition withSpec(UnaryOperator<ModelSpec.Builder> change) {
    ModelSpec blobs = new BlobsModel().spec();
    ModelSpec.Builder builder = ModelSpec.builder(blobs.name()).declaredBy(blobs.declaringClass())
        .seed(blobs.seed()).data(blobs.data()).split(blobs.testFraction(), blobs.validationFraction())
        .classification(blobs.classes()).standardize().epochs(blobs.epochs())
        .batchSize(blobs.batchSize());
    ModelSpec spec = change.apply(builder).build();
    return Definitions.configured(spec, inputs -> new BlobsModel().network(inputs));
  }

  @Test
  void csvOfTheTestRowsGivesTheTestMetrics() throws IOException {
    ModelReport trained = train();
    Path file = writeRows("test-rows.csv", testRows(), row -> true);
    ModelOutcome outcome = evaluate(file, new BlobsModel().spec().thresholds());

    assertNull(outcome.error());
    assertEquals(trained.metrics().get(DataSplit.TEST), outcome.report().metrics().get(DataSplit.TEST));
    assertTrue(outcome.checks().get(0).message().endsWith("; on all 30 rows of file " + file),
        outcome.checks().get(0).message());
  }

  @Test
  void csvWithOneClassKeepsTheTrainedClassNumbers() throws IOException {
    ModelReport trained = train();
    Path file = writeRows("ones.csv", testRows(), row -> row.endsWith(",1"));
    ModelOutcome outcome = evaluate(file, List.of());

    ConfusionCounts confusion = trained.confusion();
    double recallOfOnes = (double) confusion.count(1, 1) / confusion.actualTotal(1);
    assertNull(outcome.error());
    assertEquals(recallOfOnes, outcome.report().metric(DataSplit.TEST, Metric.ACCURACY).getAsDouble(),
        1e-12);
  }

  @Test
  void csvWithAClassTrainingNeverSawIsAnError() throws IOException {
    train();
    Path file = project.resolve("other.csv");
    Files.writeString(file, "0.1,0.2,0\n0.3,0.4,7\n");
    ModelOutcome outcome = evaluate(file, List.of());

    assertEquals("blobs: file " + file + " line 2, column index 2: \"7\" is not a class the model"
        + " was trained on (0, 1). Fix the label, or remove the row.", outcome.error());
  }

  @Test
  void csvWithOtherColumnsIsAnError() throws IOException {
    train();
    Path file = project.resolve("wide.csv");
    Files.writeString(file, "0.1,0.2,0.3,0\n");
    ModelOutcome outcome = evaluate(file, List.of());

    assertEquals("blobs: file " + file + " has 4 columns, but the model was trained on classpath"
        + " resource blobs.csv, which has 3. Give -Ddl.evaluate.data a table with the training"
        + " table's columns, in its order.", outcome.error());
  }

  private ModelReport train() {
    return train(new BlobsModel());
  }

  /** Trains as dl:train does, recording the fingerprint that dl:evaluate compares with. */
  private ModelReport train(ModelDefinition model) {
    Path output = project.resolve("target/deepbuild");
    Decision.Train decision = (Decision.Train) new IncrementalTraining(project, output, LOADER)
        .decide(model, true);
    return new ModelTrainer(project, output, LOADER, line -> {}).train(model, decision.provenance());
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = LOADER.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private ModelOutcome evaluate(Path data, List<ThresholdSpec> thresholds) {
    return session(data).run(List.of(new BlobsModel()), spec -> thresholds).models().get(0);
  }

  private EvaluationSession session(Path data) {
    return new EvaluationSession(project, project.resolve("target/deepbuild"), data, LOADER, log::add);
  }

  /** The lines of blobs.csv that are its test split, in order. */
  private List<String> testRows() throws IOException {
    List<String> lines;
    try (InputStream in = LOADER.getResourceAsStream("blobs.csv")) {
      lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
          .filter(line -> !line.isBlank()).toList();
    }
    int[] test = ModelInputs.prepare(new BlobsModel(), new ExamplesReader(project, LOADER, line -> {}))
        .split().test();
    return Arrays.stream(test).mapToObj(lines::get).toList();
  }

  private Path writeRows(String name, List<String> rows, Predicate<String> keep)
      throws IOException {
    Path file = project.resolve(name);
    Files.write(file, rows.stream().filter(keep).toList());
    return file;
  }
}

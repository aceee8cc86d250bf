package dev.deepbuild.runtime.train;

import dev.deepbuild.build.result.MemoryUse;
import dev.deepbuild.build.result.Provenance;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.io.ReportJson;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.evaluation.classification.Evaluation;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class ModelTrainerTest {
  @TempDir Path base;
  private final List<String> log = new ArrayList<>();

  private ModelReport train(ModelSpec spec, IntFunction<MultiLayerConfiguration> network) {
    ModelDefinition model = Definitions.of(spec, network);
    return new ModelTrainer(base, base.resolve("target/deepbuild"), getClass().getClassLoader(), log::add)
        .train(model);
  }

  private ModelSpec.Builder blobs(String name) throws IOException {
    GeneratedData.blobs(base.resolve("blobs.csv"), 3, 100, 5);
    return ModelSpec.builder(name).declaredBy("com.example.Blobs").seed(42)
        .data(CsvSource.file("blobs.csv").labelColumn("label")).split(0.2, 0.2).classification(0).standardize()
        .epochs(15).batchSize(16);
  }

  private static IntFunction<MultiLayerConfiguration> softmax(int classes) {
    return inputs -> Networks.dense(42, inputs, 16, classes, Activation.SOFTMAX, LossFunction.MCXENT, 0.8);
  }

  @Test
  void trainsAClassifierAndWritesAReloadableModel() throws IOException {
    ModelReport report = train(blobs("blobs").build(), softmax(3));

    assertEquals(Task.CLASSIFICATION, report.task());
    assertEquals(15, report.history().size());
    assertTrue(report.metric(DataSplit.TEST, Metric.ACCURACY).orElseThrow() >= 0.95, report.toString());
    assertTrue(report.metric(DataSplit.VALIDATION, Metric.F1).orElseThrow() >= 0.95, report.toString());
    // The curve's training figures are the minibatches' (dropout active); the model's are the
    // final weights' on the training split in inference mode, as on the other splits.
    assertEquals(report.history().get(14).training().keySet(),
        report.metrics().get(DataSplit.TRAIN).keySet());
    assertNotEquals(report.history().get(14).training(), report.metrics().get(DataSplit.TRAIN));
    double firstLoss = report.history().get(0).training().get(Metric.LOSS);
    assertTrue(report.metric(DataSplit.TRAIN, Metric.LOSS).orElseThrow() < firstLoss);
    assertTrue(log.stream().anyMatch(line -> line.matches(
        "blobs: epoch 15/15 - loss: \\d\\.\\d{4} - accuracy: \\d\\.\\d{4} - val_loss: \\d\\.\\d{4}"
            + " - val_accuracy: \\d\\.\\d{4}")), String.join("\n", log));

    Path folder = base.resolve("target/deepbuild/blobs");
    try (Stream<Path> files = Files.list(folder)) {
      assertEquals(List.of("checkpoints", "metrics.json", "model.zip"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
    // The best (by validation loss) and the last epoch's models, complete and reloadable.
    try (Stream<Path> files = Files.list(folder.resolve("checkpoints"))) {
      assertEquals(List.of("best.zip", "last.zip"),
          files.map(file -> file.getFileName().toString()).sorted().toList());
    }
    assertNotNull(ModelSerializer.restoreMultiLayerNetwork(folder.resolve("checkpoints/best.zip").toFile()));
    assertEquals(report, ReportJson.read(folder.resolve("metrics.json")));

    // The saved model with its saved standardization classifies the raw data as well as training did.
    MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(folder.resolve("model.zip").toFile());
    NormalizerStandardize normalizer = ModelSerializer.restoreNormalizerFromFile(folder.resolve("model.zip").toFile());
    INDArray raw = rawFeatures(base.resolve("blobs.csv"));
    INDArray features = raw.dup();
    normalizer.transform(features);
    Evaluation evaluation = new Evaluation(3);
    evaluation.eval(labelsOneHot(base.resolve("blobs.csv"), 3), restored.output(features));
    assertTrue(evaluation.accuracy() >= 0.95, evaluation.stats());
    assertEquals(0, features.mean(0).getDouble(3), 0.2);
    assertEquals(50, raw.mean(0).getDouble(3), 1);
  }

  @Test
  void recordsThePeakMemoryOfTheTrainingInTheProvenance() throws IOException {
    Provenance declared = new Provenance("0.1.0", "1.0.0-M2.1", "1.0.0-M2.1", "17", "v", "os",
        "arch", "1", "CPU, OPENBLAS", "FLOAT", 42, null, Map.of());
    ModelReport report = new ModelTrainer(base, base.resolve("target/deepbuild"),
        getClass().getClassLoader(), log::add)
        .train(Definitions.of(blobs("blobs").epochs(2).build(), softmax(3)), declared);

    MemoryUse memory = report.provenance().memory();
    assertTrue(memory.heapPeak() > 0 && memory.heapPeak() <= memory.heapMax(), memory.toString());
    if (System.getProperty("os.name").equals("Linux")) {
      // The resident set holds at least the heap in use; the peak is reset per model here.
      assertTrue(memory.residentPeak() > 10_000_000L, memory.toString());
      assertTrue(memory.residentPeakPerModel(), memory.toString());
      // The native arrays, the JVM and its libraries are beyond the heap, and within the peak.
      assertTrue(memory.nativePeak() > 10_000_000L, memory.toString());
      assertTrue(memory.nativePeak() <= memory.residentPeak(), memory.toString());
      assertTrue(memory.residentStart() > 0 && memory.residentStart() <= memory.residentPeak(),
          memory.toString());
    }
    assertEquals(report, ReportJson.read(base.resolve("target/deepbuild/blobs/metrics.json")));
  }

  @Test
  void aNewRunStartsWithoutTheCheckpointsOfAnEarlierConfiguration() throws IOException {
    Path checkpoints = base.resolve("target/deepbuild/blobs/checkpoints");
    train(blobs("blobs").epochs(2).build(), softmax(3));
    assertTrue(Files.isRegularFile(checkpoints.resolve("best.zip")));

    // Without validation rows no epoch is best: the earlier run's best.zip must not pass for this one's.
    train(blobs("blobs").split(0.2, 0).epochs(2).build(), softmax(3));
    try (Stream<Path> files = Files.list(checkpoints)) {
      assertEquals(List.of("last.zip"), files.map(file -> file.getFileName().toString()).toList());
    }
  }

  @Test
  void sameSeedGivesIdenticalReportsAndAnotherSeedDiffers() throws IOException {
    ModelReport first = train(blobs("a").epochs(3).build(), softmax(3));
    ModelReport second = train(blobs("a").epochs(3).build(), softmax(3));
    assertEquals(first.metrics(), second.metrics());
    assertEquals(first.history(), second.history());

    ModelReport other = train(blobs("a").epochs(3).seed(7).build(), softmax(3));
    assertNotEquals(first.metrics(), other.metrics());
  }

  @Test
  void trainsABinaryClassifierWithOneSigmoidOutput() throws IOException {
    GeneratedData.blobs(base.resolve("two.csv"), 2, 100, 9);
    ModelSpec spec = ModelSpec.builder("two").seed(42)
        .data(CsvSource.file("two.csv").labelIndex(4).withHeader()).classification(0).standardize()
        .split(0.25, 0).epochs(10).batchSize(16).build();
    ModelReport report = train(spec, inputs ->
        Networks.dense(42, inputs, 8, 1, Activation.SIGMOID, LossFunction.XENT, 1));

    assertTrue(report.metric(DataSplit.TEST, Metric.ACCURACY).orElseThrow() >= 0.95, report.toString());
    assertTrue(report.metric(DataSplit.TEST, Metric.RECALL).orElseThrow() >= 0.9, report.toString());
    assertFalse(report.metrics().containsKey(DataSplit.VALIDATION));
    assertTrue(report.history().get(0).validation().isEmpty());
    assertTrue(log.stream().anyMatch(line -> line.startsWith("two: epoch 10/10 - loss: ")
        && !line.contains("val_")), String.join("\n", log));
  }

  @Test
  void trainsARegressorFromAClasspathResource() throws IOException {
    Path classes = base.resolve("classes/data");
    Files.createDirectories(classes);
    GeneratedData.linear(classes.resolve("linear.csv"), 400, 3);
    ModelSpec spec = ModelSpec.builder("linear").seed(42)
        .data(CsvSource.resource("data/linear.csv").labelIndex(0)).split(0.2, 0.2).regression().standardize()
        .epochs(40).batchSize(16).build();
    ModelReport report;
    try (URLClassLoader loader = new URLClassLoader(new URL[] {base.resolve("classes").toUri().toURL()}, null)) {
      ModelDefinition model = Definitions.of(spec,
          inputs -> Networks.dense(42, inputs, 16, 1, Activation.IDENTITY, LossFunction.MSE, 1));
      report = new ModelTrainer(base, base.resolve("out"), loader, log::add).train(model);
    }
    assertEquals(Task.REGRESSION, report.task());
    assertTrue(report.metric(DataSplit.TEST, Metric.R2).orElseThrow() >= 0.95, report.toString());
    assertTrue(report.metric(DataSplit.TEST, Metric.MAE).orElseThrow() <= 0.5, report.toString());
    double mse = report.metric(DataSplit.TEST, Metric.MSE).orElseThrow();
    assertEquals(Math.sqrt(mse), report.metric(DataSplit.TEST, Metric.RMSE).orElseThrow(), 1e-9);
    assertEquals(mse, report.metric(DataSplit.TEST, Metric.LOSS).orElseThrow(), 1e-4 * mse);
    assertTrue(log.stream().anyMatch(line -> line.contains(" - mae: ") && line.contains(" - val_mae: ")));
    assertTrue(Files.exists(base.resolve("out/linear/model.zip")));
    assertNotNull(ModelSerializer.restoreNormalizerFromFile(base.resolve("out/linear/model.zip").toFile()));
  }

  @Test
  void aValidationTableOfItsOwnIsTheValidationData() throws IOException {
    GeneratedData.blobs(base.resolve("validation.csv"), 3, 20, 6);
    ModelSpec spec = blobs("own-validation").split(0.2, 0)
        .validationData(CsvSource.file("validation.csv").labelColumn("label")).build();
    ModelReport report = train(spec, softmax(3));

    assertTrue(log.stream().anyMatch(line -> line.startsWith("own-validation: 300 rows of 4 features"
        + " from file blobs.csv and 60 validation rows from file validation.csv, 3 classes;"
        + " 240 for training, 60 for validation, 60 for test")), String.join("\n", log));
    assertTrue(report.metric(DataSplit.VALIDATION, Metric.ACCURACY).orElseThrow() >= 0.9, report.toString());
  }

  @Test
  void aValidationTableWithOtherColumnsIsReported() throws IOException {
    Files.writeString(base.resolve("other.csv"), "x,label\n1.0,0\n");
    ModelSpec spec = blobs("own-validation").split(0.2, 0)
        .validationData(CsvSource.file("other.csv").labelColumn("label")).build();
    String message = assertThrows(InvalidInputException.class, () -> train(spec, softmax(3))).getMessage();
    assertTrue(message.startsWith("own-validation: the validation data, file other.csv, has 2 columns"
        + " (x, label), but file blobs.csv has 5"), message);
  }

  @Test
  void withoutStandardizationTheModelFileHasNoNormalizer() throws IOException {
    ModelSpec spec = blobs("plain").epochs(1).split(0.2, 0).build();
    ModelSpec plain = new ModelSpec(spec.name(), spec.declaringClass(), spec.seed(), spec.data(),
        spec.testFraction(), spec.validationFraction(), spec.task(), spec.classes(), false,
        null, null, null, null, null, spec.epochs(), spec.batchSize(), spec.thresholds(), List.of(),
        List.of(), null, spec.rescaling(), null);
    train(plain, softmax(3));
    Path model = base.resolve("target/deepbuild/plain/model.zip");
    assertTrue(Files.exists(model));
    assertNull(ModelSerializer.restoreNormalizerFromFile(model.toFile()));
  }

  @Test
  void aMismatchedOutputLayerIsReportedBeforeTraining() throws IOException {
    String message = assertThrows(InvalidInputException.class,
        () -> train(blobs("blobs").build(), softmax(4))).getMessage();
    assertEquals("blobs: the data has 3 classes (0, 1, 2) but the output layer has 4 units; set units = 3"
        + " on the last layer or @CsvData(classes = 4) if the data lacks some classes.", message);
    assertFalse(Files.exists(base.resolve("target/deepbuild/blobs")));
  }

  private static INDArray rawFeatures(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    double[][] rows = lines.stream().skip(1).map(line -> line.split(","))
        .map(cells -> Stream.of(cells).limit(4).mapToDouble(Double::parseDouble).toArray())
        .toArray(double[][]::new);
    return Nd4j.createFromArray(rows).castTo(DataType.FLOAT);
  }

  private static INDArray labelsOneHot(Path csv, int classes) throws IOException {
    int[] labels = Files.readAllLines(csv).stream().skip(1)
        .mapToInt(line -> Integer.parseInt(line.substring(line.lastIndexOf(',') + 1))).toArray();
    float[][] oneHot = new float[labels.length][classes];
    for (int i = 0; i < labels.length; i++) {
      oneHot[i][labels[i]] = 1;
    }
    assertArrayEquals(new float[] {1, 0, 0}, oneHot[0]);
    return Nd4j.createFromArray(oneHot);
  }
}

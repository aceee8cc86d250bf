package dev.deepbuild.build.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.ConfusionCounts;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.MemoryUse;
import dev.deepbuild.build.result.Provenance;
import dev.deepbuild.build.result.ConfusionCounts;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.Provenance;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportJsonTest {
  private static final Map<Metric, Double> TRAIN = Map.of(Metric.LOSS, 0.1 + 0.2,
      Metric.ACCURACY, 0.9666666666666667, Metric.PRECISION, Math.PI / 4, Metric.RECALL, Double.MIN_VALUE,
      Metric.F1, 1e-300);
  private static final Map<Metric, Double> VALIDATION = Map.of(Metric.LOSS, 0.41234567891234567,
      Metric.ACCURACY, 1.0);
  private static final ModelReport REPORT = new ModelReport("iris", "com.example.IrisClassifier",
      Task.CLASSIFICATION, 42,
      Map.of(DataSplit.TRAIN, TRAIN, DataSplit.VALIDATION, VALIDATION, DataSplit.TEST,
          Map.of(Metric.LOSS, 0.5, Metric.ACCURACY, 2.0 / 3)),
      List.of(new EpochRecord(1, TRAIN, VALIDATION), new EpochRecord(2, TRAIN, Map.of())),
      3.217, null, null, null);

  @TempDir Path dir;

  @Test
  void roundTripsExactly() throws IOException {
    Path file = dir.resolve("iris/metrics.json");
    ReportJson.write(REPORT, file);
    assertEquals(REPORT, ReportJson.read(file));
  }

  @Test
  void aKFoldWrittenBeforeFinalEpochsReadsAsDeclared() throws IOException {
    KFoldReport kFold = new KFoldReport(4, 1, Metric.MAE, 2,
        List.of(new KFoldReport.EpochStatistics(1, Map.of(Metric.MAE, 3.0), Map.of(Metric.MAE, 0.5)),
            new KFoldReport.EpochStatistics(2, Map.of(Metric.MAE, 2.5), Map.of(Metric.MAE, 0.4))),
        List.of(Map.of(Metric.MAE, 2.5)), FinalEpochs.BEST_MEAN);
    ModelReport report = new ModelReport("houses", "com.example.Houses", Task.REGRESSION, 1,
        Map.of(DataSplit.TEST, Map.of(Metric.MAE, 2.0)),
        List.of(new EpochRecord(1, Map.of(Metric.MAE, 2.0), Map.of())), 0.0, kFold, null, null);
    String json = ReportJson.toJson(report);
    assertTrue(json.contains("\"finalEpochs\" : \"BEST_MEAN\""), json);
    assertTrue(json.contains("\"finalEpochCount\" : 2"), json);
    assertEquals(report, ReportJson.fromJson(json));

    String before = json.replaceAll("\\s*\"finalEpochs\" : \"BEST_MEAN\",", "");
    assertEquals(FinalEpochs.DECLARED, ReportJson.fromJson(before).kFold().finalEpochs());
  }

  @Test
  void roundTripsRegressionWithoutValidationAndNonFiniteValues() throws IOException {
    ModelReport report = new ModelReport("houses", "com.example.Houses", Task.REGRESSION, -7,
        Map.of(DataSplit.TRAIN, Map.of(Metric.LOSS, 1.5, Metric.R2, Double.NaN),
            DataSplit.TEST, Map.of(Metric.MAE, Double.POSITIVE_INFINITY, Metric.R2, Double.NEGATIVE_INFINITY)),
        List.of(new EpochRecord(1, Map.of(Metric.LOSS, 1.5), Map.of())), 0.0, null, null, null);
    ModelReport read = ReportJson.fromJson(ReportJson.toJson(report));
    assertEquals(report, read);
    assertTrue(Double.isNaN(read.metric(DataSplit.TRAIN, Metric.R2).orElseThrow()));
  }

  @Test
  void hasTheDocumentedShape() throws IOException {
    JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(REPORT));
    assertEquals(List.of("model", "declaringClass", "task", "seed", "trainingSeconds", "metrics", "history"),
        iterate(json.fieldNames()));
    assertEquals("CLASSIFICATION", json.get("task").asText());
    assertEquals(List.of("train", "validation", "test"), iterate(json.get("metrics").fieldNames()));
    assertEquals(List.of("loss", "accuracy", "precision", "recall", "f1"),
        iterate(json.get("metrics").get("train").fieldNames()));
    assertEquals(0.30000000000000004, json.get("metrics").get("train").get("loss").doubleValue());
    JsonNode second = json.get("history").get(1);
    assertEquals(2, second.get("epoch").asInt());
    assertFalse(second.has("validation"));
    assertEquals(3.217, json.get("trainingSeconds").doubleValue());
  }

  @Test
  void roundTripsTheConfusionMatrix() throws IOException {
    ConfusionCounts confusion = new ConfusionCounts(List.of("setosa", "versi\"color"),
        List.of(List.of(10, 2), List.of(0, 18)));
    ModelReport report = new ModelReport(REPORT.model(), REPORT.declaringClass(), REPORT.task(),
        REPORT.seed(), REPORT.metrics(), REPORT.history(), REPORT.trainingSeconds(), null, confusion,
        null);
    String json = ReportJson.toJson(report);

    assertEquals(report, ReportJson.fromJson(json));
    JsonNode node = new ObjectMapper().readTree(json).get("confusion");
    assertEquals("[\"setosa\",\"versi\\\"color\"]", node.get("classes").toString());
    assertEquals("[[10,2],[0,18]]", node.get("counts").toString());
  }

  @Test
  void rejectsAConfusionMatrixThatIsNotSquare() {
    String json = ReportJson.toJson(REPORT).replaceFirst("\\n}\\s*$",
        ", \"confusion\": {\"classes\": [\"a\", \"b\"], \"counts\": [[1, 2], [3]]}}");
    IOException error = assertThrows(IOException.class, () -> ReportJson.fromJson(json));
    assertEquals("a confusion matrix of 2 classes needs as many counts per row, not 1", error.getMessage());
  }

  @Test
  void roundTripsTheProvenanceWithItsFingerprintSorted() throws IOException {
    ModelReport report = withProvenance(new Provenance("0.1.0", "1.0.0-M2.1", "1.0.0-M2.1",
        "17.0.15", "Debian", "Linux 6.1.0", "amd64", "1", "CPU, OPENBLAS", "FLOAT", 42,
        "sha256:ab12", Map.of("seed", "42", "epochs", "60", "data.digest", "sha256:ab12")));
    String json = ReportJson.toJson(report);

    assertEquals(report, ReportJson.fromJson(json));
    JsonNode node = new ObjectMapper().readTree(json).get("provenance");
    assertEquals(List.of("deepbuild", "dl4j", "nd4j", "java", "javaVendor", "os", "arch", "ompNumThreads",
        "backend", "dataType", "seed", "data", "fingerprint"), iterate(node.fieldNames()));
    assertEquals(List.of("data.digest", "epochs", "seed"), iterate(node.get("fingerprint").fieldNames()));
    assertEquals(42, node.get("seed").asLong());
  }

  @Test
  void roundTripsThePeakMemoryAndLeavesOutAnUnknownResidentPeak() throws IOException {
    Provenance before = new Provenance("0.1.0", "1.0.0-M2.1", "1.0.0-M2.1", "17.0.15", "Debian",
        "Linux 6.1.0", "amd64", "1", "CPU, OPENBLAS", "FLOAT", 42, "sha256:ab12", Map.of());
    ModelReport known = withProvenance(before.withMemory(
        new MemoryUse(812_000_000L, 4_294_967_296L, 2_900_000_000L, true, 8_589_934_592L,
            610_000_000L, 420_000_000L, 3)));
    ModelReport unknown = withProvenance(before.withMemory(
        new MemoryUse(812_000_000L, 4_294_967_296L, -1, false, 0)));

    assertEquals(known, ReportJson.fromJson(ReportJson.toJson(known)));
    assertEquals(unknown, ReportJson.fromJson(ReportJson.toJson(unknown)));
    JsonNode memory = new ObjectMapper().readTree(ReportJson.toJson(known))
        .get("provenance").get("memory");
    assertEquals(2_900_000_000L, memory.get("residentPeakBytes").asLong());
    assertEquals(610_000_000L, memory.get("nativePeakBytes").asLong());
    assertEquals(420_000_000L, memory.get("residentStartBytes").asLong());
    JsonNode unknownMemory = new ObjectMapper().readTree(ReportJson.toJson(unknown))
        .get("provenance").get("memory");
    assertFalse(unknownMemory.has("residentPeakBytes"));
    assertFalse(unknownMemory.has("nativePeakBytes"));
    assertFalse(unknownMemory.has("residentStartBytes"));
  }

  @Test
  void leavesOutUnknownThreadCountAndDataDigest() throws IOException {
    ModelReport report = withProvenance(new Provenance("unknown", "unknown", "unknown", "17", "v",
        "os", "arch", null, "CPU, OPENBLAS", "DOUBLE", -3, null, Map.of()));
    String json = ReportJson.toJson(report);

    assertEquals(report, ReportJson.fromJson(json));
    JsonNode node = new ObjectMapper().readTree(json).get("provenance");
    assertFalse(node.has("ompNumThreads"));
    assertFalse(node.has("data"));
    assertTrue(node.get("fingerprint").isEmpty());
  }

  @Test
  void rejectsAProvenanceWithoutFingerprint() {
    String json = ReportJson.toJson(REPORT).replaceFirst("\\n}\\s*$",
        ", \"provenance\": {\"deepbuild\": \"0.1.0\"}}");
    IOException error = assertThrows(IOException.class, () -> ReportJson.fromJson(json));
    assertEquals("missing \"fingerprint\" in the provenance", error.getMessage());
  }

  private static ModelReport withProvenance(Provenance provenance) {
    return new ModelReport(REPORT.model(), REPORT.declaringClass(), REPORT.task(), REPORT.seed(),
        REPORT.metrics(), REPORT.history(), REPORT.trainingSeconds(), null, null, provenance);
  }

  /** A functional model of two outputs: total loss for the model, each output's own metrics. */
  private static ModelReport twoOutputs() {
    Map<Metric, Double> topicTrain = Map.of(Metric.LOSS, 0.31, Metric.ACCURACY, 0.9123456789012345);
    Map<Metric, Double> topicValidation = Map.of(Metric.LOSS, 0.42, Metric.ACCURACY, 0.875);
    Map<Metric, Double> usaTrain = Map.of(Metric.LOSS, 0.2, Metric.ACCURACY, 0.95, Metric.F1, 0.9);
    Map<Metric, Double> usaValidation = Map.of(Metric.LOSS, 0.25, Metric.ACCURACY, Double.NaN);
    List<EpochRecord> history = List.of(
        new EpochRecord(1, Map.of(Metric.LOSS, 0.37), Map.of(Metric.LOSS, 0.495),
            outputs("topic", topicTrain, "usa", usaTrain),
            outputs("topic", topicValidation, "usa", usaValidation)),
        new EpochRecord(2, Map.of(Metric.LOSS, 0.3), Map.of(), outputs("topic", topicTrain,
            "usa", usaTrain), Map.of()));
    return new ModelReport("reuters", "com.example.Reuters", Task.CLASSIFICATION, 7,
        Map.of(DataSplit.TRAIN, Map.of(Metric.LOSS, 0.3), DataSplit.TEST, Map.of(Metric.LOSS, 0.5)),
        history, 12.5, null, null, null, Map.of(),
        outputs("topic", Map.of(DataSplit.TRAIN, topicTrain, DataSplit.VALIDATION, topicValidation,
                DataSplit.TEST, Map.of(Metric.LOSS, 0.6, Metric.ACCURACY, 0.842)),
            "usa", Map.of(DataSplit.TRAIN, usaTrain, DataSplit.TEST, Map.of(Metric.ACCURACY, 0.91))),
        outputs("topic", Map.of(DataSplit.TRAIN, Map.of(Metric.ACCURACY, 0.35),
                DataSplit.TEST, Map.of(Metric.ACCURACY, 0.36)),
            "usa", Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, 0.6))));
  }

  @Test
  void roundTripsEachOutputsMetricsBaselinesAndEpochs() throws IOException {
    ModelReport report = twoOutputs();
    Path file = dir.resolve("reuters/metrics.json");

    ReportJson.write(report, file);
    ModelReport read = ReportJson.read(file);

    assertEquals(report, read);
    assertEquals(report.outputs(), read.outputs());
    assertEquals(report.outputBaselines(), read.outputBaselines());
    assertEquals(report.history().get(0).validationOutputs(), read.history().get(0).validationOutputs());
    assertEquals(0.842, read.metric("topic", DataSplit.TEST, Metric.ACCURACY).orElseThrow());
    assertEquals(0.6, read.baseline("usa", DataSplit.TEST, Metric.ACCURACY).orElseThrow());
    assertTrue(read.metric("usa", DataSplit.VALIDATION, Metric.ACCURACY).isEmpty());
  }

  @Test
  void writesEachOutputUnderItsName() throws IOException {
    JsonNode json = new ObjectMapper().readTree(ReportJson.toJson(twoOutputs()));

    assertEquals(List.of("topic", "usa"), iterate(json.get("outputs").fieldNames()));
    JsonNode topic = json.get("outputs").get("topic");
    assertEquals(List.of("metrics", "baseline"), iterate(topic.fieldNames()));
    assertEquals(0.842, topic.get("metrics").get("test").get("accuracy").doubleValue());
    assertEquals(0.36, topic.get("baseline").get("test").get("accuracy").doubleValue());
    assertEquals(List.of("loss"), iterate(json.get("metrics").get("test").fieldNames()));
    JsonNode first = json.get("history").get(0).get("outputs");
    assertEquals(List.of("train", "validation"), iterate(first.get("usa").fieldNames()));
    assertEquals("NaN", first.get("usa").get("validation").get("accuracy").asText());
    assertFalse(json.get("history").get(1).get("outputs").get("topic").has("validation"));
  }

  @Test
  void rejectsUnknownKeys() {
    String json = ReportJson.toJson(REPORT).replace("\"accuracy\"", "\"acuracy\"");
    IOException error = assertThrows(IOException.class, () -> ReportJson.fromJson(json));
    assertEquals("unknown metric \"acuracy\"", error.getMessage());
  }

  @Test
  void readingAMissingFileNamesIt() {
    Path file = dir.resolve("none/metrics.json");
    IOException error = assertThrows(IOException.class, () -> ReportJson.read(file));
    assertTrue(error.getMessage().startsWith("cannot read the model report " + file), error.getMessage());
  }

  private static List<String> iterate(Iterator<String> names) {
    List<String> list = new ArrayList<>();
    names.forEachRemaining(list::add);
    return list;
  }

  /** Two outputs' values in the network's order, as a report keeps them. */
  private static <V> Map<String, V> outputs(String first, V firstValue, String second,
      V secondValue) {
    Map<String, V> outputs = new LinkedHashMap<>();
    outputs.put(first, firstValue);
    outputs.put(second, secondValue);
    return outputs;
  }
}

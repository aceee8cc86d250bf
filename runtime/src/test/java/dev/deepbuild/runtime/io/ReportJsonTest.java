package dev.deepbuild.runtime.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.train.EpochRecord;
import dev.deepbuild.runtime.train.ModelReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
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
      3.217, null);

  @TempDir Path dir;

  @Test
  void roundTripsExactly() throws IOException {
    Path file = dir.resolve("iris/metrics.json");
    ReportJson.write(REPORT, file);
    assertEquals(REPORT, ReportJson.read(file));
  }

  @Test
  void roundTripsRegressionWithoutValidationAndNonFiniteValues() throws IOException {
    ModelReport report = new ModelReport("houses", "com.example.Houses", Task.REGRESSION, -7,
        Map.of(DataSplit.TRAIN, Map.of(Metric.LOSS, 1.5, Metric.R2, Double.NaN),
            DataSplit.TEST, Map.of(Metric.MAE, Double.POSITIVE_INFINITY, Metric.R2, Double.NEGATIVE_INFINITY)),
        List.of(new EpochRecord(1, Map.of(Metric.LOSS, 1.5), Map.of())), 0.0, null);
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
}

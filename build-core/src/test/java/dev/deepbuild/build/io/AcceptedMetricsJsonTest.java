package dev.deepbuild.build.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.result.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The accepted metrics file: committable, stable, and read back as it was written. */
class AcceptedMetricsJsonTest {
  private static final String SOURCE = "src/deepbuild/accepted-metrics.json";

  private static ModelReport iris(double accuracy) {
    return new ModelReport("iris", "it.Iris", Task.CLASSIFICATION, 42,
        Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, accuracy, Metric.LOSS, 0.0712),
            DataSplit.TRAIN, Map.of(Metric.LOSS, 0.05, Metric.ACCURACY, Double.NaN)),
        List.of(), 3.5, null, null, null);
  }

  private static ModelReport reuters() {
    Map<String, Map<DataSplit, Map<Metric, Double>>> outputs = new LinkedHashMap<>();
    outputs.put("topic", Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, 0.8)));
    outputs.put("usa", Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, 0.9)));
    return new ModelReport("reuters", "it.Reuters", Task.CLASSIFICATION, 42,
        Map.of(DataSplit.TEST, Map.of(Metric.LOSS, 1.25)), List.of(), 3.5, null, null, null,
        Map.of(), outputs, Map.of());
  }

  @Test
  void writesModelsInNameOrderSplitsAndMetricsInEnumOrderWithUnixLineEnds() {
    AcceptedMetrics accepted = AcceptedMetrics.none(SOURCE).accepting(reuters())
        .accepting(iris(0.9666666666666667));
    assertEquals("""
        {
          "format" : 1,
          "models" : {
            "iris" : {
              "metrics" : {
                "train" : {
                  "loss" : 0.05
                },
                "test" : {
                  "loss" : 0.0712,
                  "accuracy" : 0.9666666666666667
                }
              }
            },
            "reuters" : {
              "metrics" : {
                "test" : {
                  "loss" : 1.25
                }
              },
              "outputs" : {
                "topic" : {
                  "test" : {
                    "accuracy" : 0.8
                  }
                },
                "usa" : {
                  "test" : {
                    "accuracy" : 0.9
                  }
                }
              }
            }
          }
        }
        """, AcceptedMetricsJson.toJson(accepted));
  }

  @Test
  void readsBackTheSameValues(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("src/deepbuild/accepted-metrics.json");
    AcceptedMetrics accepted = AcceptedMetrics.none(SOURCE).accepting(iris(0.9666666666666667))
        .accepting(reuters());
    AcceptedMetricsJson.write(accepted, file);

    AcceptedMetrics read = AcceptedMetricsJson.read(file, SOURCE);
    assertEquals(accepted, read);
    assertEquals(OptionalDouble.of(0.9666666666666667),
        read.value("iris", AcceptedMetrics.MODEL, DataSplit.TEST, Metric.ACCURACY));
    assertEquals(OptionalDouble.of(0.8),
        read.value("reuters", "topic", DataSplit.TEST, Metric.ACCURACY));
    // Not finite, so not accepted; and nothing of a split or model never accepted.
    assertEquals(OptionalDouble.empty(),
        read.value("iris", AcceptedMetrics.MODEL, DataSplit.TRAIN, Metric.ACCURACY));
    assertEquals(OptionalDouble.empty(),
        read.value("iris", AcceptedMetrics.MODEL, DataSplit.VALIDATION, Metric.LOSS));
    assertEquals(OptionalDouble.empty(),
        read.value("boston", AcceptedMetrics.MODEL, DataSplit.TEST, Metric.LOSS));
    // The same values give the same bytes.
    assertEquals(Files.readString(file), AcceptedMetricsJson.toJson(read));
  }

  @Test
  void acceptingAModelReplacesItsValuesAndKeepsTheOthers() {
    AcceptedMetrics before = AcceptedMetrics.none(SOURCE).accepting(iris(0.9)).accepting(reuters());
    AcceptedMetrics after = before.accepting(iris(0.95));
    assertEquals(OptionalDouble.of(0.95),
        after.value("iris", AcceptedMetrics.MODEL, DataSplit.TEST, Metric.ACCURACY));
    assertEquals(before.models().get("reuters"), after.models().get("reuters"));
    assertEquals(OptionalDouble.of(0.9),
        before.value("iris", AcceptedMetrics.MODEL, DataSplit.TEST, Metric.ACCURACY));
  }

  @Test
  void aMissingFileHasNoAcceptedValues(@TempDir Path dir) throws IOException {
    AcceptedMetrics none = AcceptedMetricsJson.read(dir.resolve("absent.json"), SOURCE);
    assertTrue(none.models().isEmpty());
    assertEquals(SOURCE, none.source());
  }

  @Test
  void aBrokenFileIsAnErrorThatNamesItAndTheFix(@TempDir Path dir) throws IOException {
    Path file = Files.writeString(dir.resolve("accepted.json"), "{\"format\": 1, \"models\": {"
        + "\"iris\": {\"metrics\": {\"test\": {\"acuracy\": 0.9}}}}}");
    IOException e = assertThrows(IOException.class, () -> AcceptedMetricsJson.read(file, SOURCE));
    assertEquals("cannot read the accepted metrics " + SOURCE + ": unknown metric \"acuracy\";"
        + " correct it, or delete it and run mvn dl:accept to write it again", e.getMessage());

    Files.writeString(file, "{\"format\": 2, \"models\": {}}");
    assertTrue(assertThrows(IOException.class, () -> AcceptedMetricsJson.read(file, SOURCE))
        .getMessage().contains("format 2 is not 1"));
    Files.writeString(file, "[]");
    assertFalse(assertThrows(IOException.class, () -> AcceptedMetricsJson.read(file, SOURCE))
        .getMessage().isEmpty());
  }
}

package dev.deepbuild.build.fork;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.SessionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files between build and fork are the same bytes for the same values, in every run. */
class ForkJsonTest {
  @TempDir Path dir;

  @Test
  void equalValuesWrittenTwiceGiveTheSameBytes() throws Exception {
    // Equal maps that iterate in different orders, as immutable maps do from one JVM to the next.
    Path first = dir.resolve("first.json");
    Path second = dir.resolve("second.json");
    ForkJson.write(first, result(DataSplit.TRAIN, DataSplit.TEST, Metric.LOSS, Metric.ACCURACY));
    ForkJson.write(second, result(DataSplit.TEST, DataSplit.TRAIN, Metric.ACCURACY, Metric.LOSS));

    assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    assertEquals(ForkJson.read(first, SessionResult.class), ForkJson.read(second, SessionResult.class));
  }

  @Test
  void mapsAreWrittenInKeyOrder() throws Exception {
    Map<String, Integer> map = new LinkedHashMap<>();
    map.put("b", 2);
    map.put("a", 1);
    Path file = dir.resolve("map.json");
    ForkJson.write(file, map);

    assertEquals("{\n  \"a\" : 1,\n  \"b\" : 2\n}", Files.readString(file));
  }

  private static SessionResult result(DataSplit split1, DataSplit split2, Metric metric1, Metric metric2) {
    Map<DataSplit, Map<Metric, Double>> metrics = new LinkedHashMap<>();
    for (DataSplit split : List.of(split1, split2)) {
      Map<Metric, Double> values = new LinkedHashMap<>();
      values.put(metric1, metric1.ordinal() + 0.5);
      values.put(metric2, metric2.ordinal() + 0.5);
      metrics.put(split, values);
    }
    ModelReport report = new ModelReport("blobs", "test.Blobs", Task.CLASSIFICATION, 7,
        new LinkedHashMap<>(metrics), List.of(), 1.5, null, null, null, new LinkedHashMap<>(metrics));
    return SessionResult.of(List.of(new ModelOutcome("blobs", report, null, List.of())));
  }
}

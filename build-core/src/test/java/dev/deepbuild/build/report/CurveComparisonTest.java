package dev.deepbuild.build.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.ModelReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CurveComparisonTest {
  @Test
  void modelsOfOnePackageAreComparedEpochByEpoch() {
    List<String> lines = CurveComparison.lines(List.of(
        report("imdb-original", "study.Original", 0.4, 0.3, 0.35),
        report("imdb-l2", "study.L2", 0.45, 0.35),
        report("iris", "other.Iris", 0.5, 0.4)));

    assertEquals(List.of(
        "Validation loss by epoch, models of study (* marks each model's lowest):",
        "epoch  imdb-original        imdb-l2",
        "    1        0.4000         0.4500 ",
        "    2        0.3000*        0.3500*",
        "    3        0.3500                "), lines);
  }

  @Test
  void aLoneModelOrOneWithoutValidationIsNotCompared() {
    assertEquals(List.of(), CurveComparison.lines(List.of(
        report("iris", "other.Iris", 0.5, 0.4), report("plain", "other.Plain"))));
  }

  private static ModelReport report(String name, String declaringClass, double... validationLoss) {
    List<EpochRecord> history = new ArrayList<>();
    for (int e = 0; e < Math.max(1, validationLoss.length); e++) {
      history.add(new EpochRecord(e + 1, Map.of(Metric.LOSS, 1.0),
          validationLoss.length == 0 ? Map.of() : Map.of(Metric.LOSS, validationLoss[e])));
    }
    return new ModelReport(name, declaringClass, Task.CLASSIFICATION, 1, Map.of(), history, 0,
        null, null, null);
  }
}

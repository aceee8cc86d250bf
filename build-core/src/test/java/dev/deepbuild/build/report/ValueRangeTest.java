package dev.deepbuild.build.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.report.LineChart.Point;
import dev.deepbuild.build.report.LineChart.Series;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.IntToDoubleFunction;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ValueRangeTest {
  private static LineChart chart(int epochs, IntToDoubleFunction value) {
    List<Point> points = new ArrayList<>();
    for (int epoch = 1; epoch <= epochs; epoch++) {
      points.add(new Point(epoch, value.applyAsDouble(epoch)));
    }
    return new LineChart("t", "epoch", "mae", List.of(new Series("training", "#000", points)), null, null);
  }

  @Test
  void aSpikeInTheFirstEpochsRunsOffTheChartSoTheRestIsReadable() throws Exception {
    // Like Boston's MAE: 100 in the first epoch, 2.5 in the last.
    LineChart chart = chart(40, epoch -> 100.0 / epoch);
    ValueRange range = ValueRange.of(chart);

    assertEquals(2.5, range.low());
    assertEquals(20, range.high());
    assertEquals(Optional.of("epochs 1–4"), range.offChart());
    // The axis ends at the settled values, not at the spike.
    Document svg = Xml.parse(ChartSvg.render(chart));
    List<String> labels = Xml.elements(svg, "text").stream().map(t -> t.getTextContent()).toList();
    assertTrue(labels.contains("20") && !labels.contains("100"), labels.toString());
  }

  @Test
  void aCurveThatFallsGraduallyOrIsShortIsDrawnWhole() {
    assertEquals(Optional.empty(), ValueRange.of(chart(60, epoch -> 0.5 + 0.4 * epoch / 60)).offChart());
    ValueRange shortRun = ValueRange.of(chart(9, epoch -> 100.0 / epoch));
    assertEquals(Optional.empty(), shortRun.offChart());
    assertEquals(100, shortRun.high());
  }

  @Test
  void namesScatteredEpochsOffTheChartByRuns() {
    double[] values = new double[41];
    Arrays.fill(values, 2);
    values[1] = 50;
    values[2] = 40;
    values[4] = -30;
    for (int epoch = 5; epoch <= 40; epoch++) {
      values[epoch] = 1 + epoch % 3;
    }
    ValueRange range = ValueRange.of(chart(40, epoch -> values[epoch]));

    assertEquals(Optional.of("epochs 1–2, 4"), range.offChart());
  }
}

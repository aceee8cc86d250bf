package dev.deepbuild.build.report;

import dev.deepbuild.build.report.LineChart.Point;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The values a chart's vertical axis spans. Usually all of them; but the first epochs of a
 * regressor start far above where training settles (Boston's MAE falls from 19 to 2 in a few
 * epochs), which would squash the rest of the curve into a flat line along the bottom. When the
 * early values stretch the range to more than {@value #SQUASHED} times that of the later ones, the
 * axis spans the later ones and the early points run off the chart, as Keras's book drops the first
 * ten epochs from its plots.
 *
 * @param low the lowest value on the axis
 * @param high the highest
 * @param offChart the epochs with a value outside {@code low..high}, if any: {@code epochs 1–4}
 */
record ValueRange(double low, double high, Optional<String> offChart) {
  private static final double SQUASHED = 3;
  /** Fewer epochs than this are all drawn: a short curve has no settled part to speak of. */
  private static final int MIN_EPOCHS_TO_CROP = 20;

  static ValueRange of(LineChart chart) {
    List<Point> points = chart.finitePoints().toList();
    if (points.isEmpty()) {
      throw new IllegalArgumentException("the chart '" + chart.title() + "' has no finite point");
    }
    double first = points.stream().mapToDouble(Point::x).min().orElseThrow();
    double last = points.stream().mapToDouble(Point::x).max().orElseThrow();
    double low = points.stream().mapToDouble(Point::y).min().orElseThrow();
    double high = points.stream().mapToDouble(Point::y).max().orElseThrow();
    if (last - first + 1 < MIN_EPOCHS_TO_CROP) {
      return new ValueRange(low, high, Optional.empty());
    }
    // The settled part: all but the first tenth of the epochs.
    double settledFrom = first + Math.ceil((last - first + 1) / 10);
    List<Point> settled = points.stream().filter(p -> p.x() >= settledFrom).toList();
    double settledLow = settled.stream().mapToDouble(Point::y).min().orElseThrow();
    double settledHigh = settled.stream().mapToDouble(Point::y).max().orElseThrow();
    if (high - low <= SQUASHED * (settledHigh - settledLow)) {
      return new ValueRange(low, high, Optional.empty());
    }
    List<Double> outside = points.stream()
        .filter(p -> p.y() < settledLow || p.y() > settledHigh).map(Point::x).distinct().sorted().toList();
    return new ValueRange(settledLow, settledHigh, Optional.of(epochs(outside)));
  }

  /** {@code epoch 1}, {@code epochs 1–4}, or with gaps {@code epochs 1–3, 5}. */
  private static String epochs(List<Double> outside) {
    List<String> runs = new ArrayList<>();
    int start = 0;
    for (int i = 1; i <= outside.size(); i++) {
      if (i == outside.size() || outside.get(i) != outside.get(i - 1) + 1) {
        long from = Math.round(outside.get(start));
        long to = Math.round(outside.get(i - 1));
        runs.add(from == to ? Long.toString(from) : from + "–" + to);
        start = i;
      }
    }
    return (outside.size() == 1 ? "epoch " : "epochs ") + String.join(", ", runs);
  }
}

package dev.deepbuild.build.report;

import java.util.List;
import java.util.stream.Stream;

/**
 * What a learning-curve chart shows, before it is drawn: lines over epochs, an optional shaded band
 * and an optional marked epoch.
 *
 * @param title what the chart shows, for its caption and its SVG title
 * @param xLabel the horizontal axis's label
 * @param yLabel the vertical axis's label
 * @param series the lines, drawn in order
 * @param band a shaded range, such as a mean ± one standard deviation; null for none
 * @param marked an epoch to mark, with its label; null for none
 */
record LineChart(
    String title, String xLabel, String yLabel, List<Series> series, Band band, Mark marked) {

  LineChart {
    series = List.copyOf(series);
  }

  /** Every finite point of the lines and the band: what the axes must span. */
  Stream<Point> finitePoints() {
    Stream<Point> edges = band == null ? Stream.empty()
        : Stream.concat(band.lower().stream(), band.upper().stream());
    return Stream.concat(series.stream().flatMap(line -> line.points().stream()), edges)
        .filter(Point::finite);
  }

  /** One line: a point per epoch; a NaN or infinite value leaves a gap. */
  record Series(String name, String color, List<Point> points) {
    Series {
      points = List.copyOf(points);
    }
  }

  /** A shaded range: per epoch, its lower and upper value. */
  record Band(String name, String color, List<Point> lower, List<Point> upper) {
    Band {
      lower = List.copyOf(lower);
      upper = List.copyOf(upper);
      if (lower.size() != upper.size()) {
        throw new IllegalArgumentException("a band needs as many lower as upper points");
      }
    }
  }

  /** A marked epoch, such as the best one, with a point on the first series there. */
  record Mark(double x, String label) {}

  record Point(double x, double y) {
    boolean finite() {
      return Double.isFinite(x) && Double.isFinite(y);
    }
  }
}

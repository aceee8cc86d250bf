package dev.deepbuild.build.report;

import dev.deepbuild.build.report.LineChart.Band;
import dev.deepbuild.build.report.LineChart.Point;
import dev.deepbuild.build.report.LineChart.Series;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * Draws a {@link LineChart} as a self-contained SVG: a grid with labelled ticks on both axes, a
 * legend above the plot (where it cannot cover a line), one {@code path} per series, and the band
 * and marked epoch when the chart has them. Styles are presentation attributes, not a style sheet,
 * so the SVG looks the same when copied out of the page.
 */
final class ChartSvg {
  static final int WIDTH = 540;
  static final int HEIGHT = 320;
  private static final int LEFT = 64;
  private static final int RIGHT = 20;
  private static final int TOP = 44;
  private static final int BOTTOM = 50;
  /** How far lines and dots may reach beyond the plot's edges before they are clipped. */
  private static final int EDGE = 4;
  /** Lines with at most this many points also get a dot per point, so a single epoch shows. */
  private static final int MAX_DOTTED_POINTS = 20;
  /** A generous average glyph width at 12 px, to lay the legend out without measuring text. */
  private static final double CHAR_WIDTH = 7.2;
  private static final String TEXT = "fill=\"#3b4651\" font-size=\"12\"";
  private static final String GRID = "#e3e7eb";
  private static final String AXIS = "#8a949e";

  private final Axis x;
  private final Axis y;
  private final StringBuilder svg = new StringBuilder();

  private ChartSvg(Axis x, Axis y) {
    this.x = x;
    this.y = y;
  }

  /**
   * The chart as an {@code <svg>} element.
   *
   * @throws IllegalArgumentException when the chart has no finite point to draw
   */
  static String render(LineChart chart) {
    ValueRange range = ValueRange.of(chart);
    double first = chart.finitePoints().mapToDouble(Point::x).min().orElseThrow();
    double last = chart.finitePoints().mapToDouble(Point::x).max().orElseThrow();
    return new ChartSvg(Axis.whole(first, last, 8), Axis.rounded(range.low(), range.high(), 5)).draw(chart);
  }

  private String draw(LineChart chart) {
    svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" width=\"").append(WIDTH)
        .append("\" height=\"").append(HEIGHT).append("\" viewBox=\"0 0 ").append(WIDTH).append(' ')
        .append(HEIGHT).append("\" role=\"img\" font-family=\"system-ui, 'DejaVu Sans', sans-serif\">")
        .append("<title>").append(Markup.escape(chart.title())).append("</title>");
    grid();
    axisLabels(chart);
    // A nested viewport clips what runs off the chart, with no id that could clash with another
    // chart's on the same page; its few pixels of margin keep lines along an edge whole.
    svg.append("<svg x=\"").append(LEFT - EDGE).append("\" y=\"").append(TOP - EDGE)
        .append("\" width=\"").append(WIDTH - LEFT - RIGHT + 2 * EDGE).append("\" height=\"")
        .append(HEIGHT - TOP - BOTTOM + 2 * EDGE).append("\" viewBox=\"").append(LEFT - EDGE).append(' ')
        .append(TOP - EDGE).append(' ').append(WIDTH - LEFT - RIGHT + 2 * EDGE).append(' ')
        .append(HEIGHT - TOP - BOTTOM + 2 * EDGE).append("\">");
    if (chart.band() != null) {
      band(chart.band());
    }
    for (int i = 0; i < chart.series().size(); i++) {
      line(chart.series().get(i), i > 0);
    }
    svg.append("</svg>");
    if (chart.marked() != null && !chart.series().isEmpty()) {
      mark(chart.marked(), chart.series().get(0));
    }
    legend(chart);
    return svg.append("</svg>").toString();
  }

  private void grid() {
    svg.append("<g class=\"grid\">");
    for (double tick : y.ticks()) {
      double py = py(tick);
      svg.append(line(LEFT, py, WIDTH - RIGHT, py, GRID));
      svg.append(text(LEFT - 8, py + 4, "end", y.label(tick)));
    }
    for (double tick : x.ticks()) {
      double px = px(tick);
      svg.append(line(px, HEIGHT - BOTTOM, px, HEIGHT - BOTTOM + 5, AXIS));
      svg.append(text(px, HEIGHT - BOTTOM + 19, "middle", x.label(tick)));
    }
    svg.append(line(LEFT, TOP, LEFT, HEIGHT - BOTTOM, AXIS));
    svg.append(line(LEFT, HEIGHT - BOTTOM, WIDTH - RIGHT, HEIGHT - BOTTOM, AXIS));
    svg.append("</g>");
  }

  private void axisLabels(LineChart chart) {
    double middleX = (LEFT + WIDTH - RIGHT) / 2.0;
    double middleY = (TOP + HEIGHT - BOTTOM) / 2.0;
    svg.append(text(middleX, HEIGHT - 10, "middle", chart.xLabel()));
    svg.append("<text ").append(TEXT).append(" text-anchor=\"middle\" transform=\"translate(16 ")
        .append(number(middleY)).append(") rotate(-90)\">").append(Markup.escape(chart.yLabel()))
        .append("</text>");
  }

  private void band(Band band) {
    List<Point> lower = new ArrayList<>(band.lower());
    Collections.reverse(lower);
    List<Point> outline = new ArrayList<>(band.upper());
    outline.addAll(lower);
    List<String> commands = commands(outline);
    if (commands.isEmpty()) {
      return;
    }
    svg.append("<path class=\"band\" data-series=\"").append(Markup.escape(band.name()))
        .append("\" fill=\"").append(band.color()).append("\" fill-opacity=\"0.18\" stroke=\"none\" d=\"")
        .append(String.join(" ", commands)).append(" Z\"/>");
  }

  /**
   * One series's path, and its dots when it has few points. Later series get rings rather than
   * dots, so that equal values (one epoch with the same training and validation accuracy) still
   * show both.
   */
  private void line(Series series, boolean rings) {
    List<String> commands = commands(series.points());
    if (commands.isEmpty()) {
      return;
    }
    svg.append("<path class=\"curve\" data-series=\"").append(Markup.escape(series.name()))
        .append("\" fill=\"none\" stroke=\"").append(series.color())
        .append("\" stroke-width=\"2\" stroke-linejoin=\"round\" stroke-linecap=\"round\" d=\"")
        .append(String.join(" ", commands)).append("\"/>");
    if (series.points().size() <= MAX_DOTTED_POINTS) {
      svg.append(rings ? "<g fill=\"none\" stroke-width=\"1.5\" stroke=\"" : "<g fill=\"")
          .append(series.color()).append("\">");
      series.points().stream().filter(Point::finite).forEach(point -> svg.append(dot(point, rings ? 5 : 3)));
      svg.append("</g>");
    }
  }

  /** A dashed line at the marked epoch, a ring on the series there, and the label at the top. */
  private void mark(LineChart.Mark mark, Series series) {
    double px = px(mark.x());
    svg.append("<g class=\"mark\">")
        .append(line(px, TOP, px, HEIGHT - BOTTOM, "#5b6670", "stroke-dasharray=\"4 3\""));
    series.points().stream().filter(p -> p.x() == mark.x() && p.finite()).findFirst().ifPresent(p ->
        svg.append("<circle cx=\"").append(number(px)).append("\" cy=\"").append(number(py(p.y())))
            .append("\" r=\"5\" fill=\"#fff\" stroke=\"").append(series.color())
            .append("\" stroke-width=\"2\"/>"));
    // The label goes on the side with more room, with a white outline so grid lines do not cross it.
    boolean right = px < (LEFT + WIDTH - RIGHT) / 2.0;
    svg.append("<text ").append(TEXT).append(" text-anchor=\"").append(right ? "start" : "end")
        .append("\" x=\"").append(number(right ? px + 6 : px - 6)).append("\" y=\"").append(TOP + 14)
        .append("\" stroke=\"#fff\" stroke-width=\"4\" paint-order=\"stroke\">")
        .append(Markup.escape(mark.label())).append("</text></g>");
  }

  /** Swatches and names in a row above the plot. */
  private void legend(LineChart chart) {
    svg.append("<g class=\"legend\">");
    double left = LEFT;
    double baseline = 22;
    for (Series series : chart.series()) {
      svg.append(line(left, baseline - 4, left + 22, baseline - 4, series.color(), "stroke-width=\"3\""));
      svg.append(text(left + 28, baseline, "start", series.name()));
      left += 28 + series.name().length() * CHAR_WIDTH + 18;
    }
    if (chart.band() != null) {
      Band band = chart.band();
      svg.append("<rect x=\"").append(number(left)).append("\" y=\"").append(baseline - 11)
          .append("\" width=\"22\" height=\"12\" fill=\"").append(band.color())
          .append("\" fill-opacity=\"0.25\"/>");
      svg.append(text(left + 28, baseline, "start", band.name()));
    }
    svg.append("</g>");
  }

  /** Path data: a move to the first finite point and after every gap, lines between. */
  private List<String> commands(List<Point> points) {
    List<String> commands = new ArrayList<>();
    boolean gap = true;
    for (Point point : points) {
      if (!point.finite()) {
        gap = true;
        continue;
      }
      commands.add((gap ? "M" : "L") + number(px(point.x())) + "," + number(py(point.y())));
      gap = false;
    }
    return commands;
  }

  private double px(double value) {
    return LEFT + x.fraction(value) * (WIDTH - LEFT - RIGHT);
  }

  private double py(double value) {
    return HEIGHT - BOTTOM - y.fraction(value) * (HEIGHT - TOP - BOTTOM);
  }

  private String dot(Point point, double radius) {
    return "<circle cx=\"" + number(px(point.x())) + "\" cy=\"" + number(py(point.y())) + "\" r=\""
        + number(radius) + "\"/>";
  }

  private static String line(double x1, double y1, double x2, double y2, String color) {
    return line(x1, y1, x2, y2, color, "stroke-width=\"1\"");
  }

  private static String line(double x1, double y1, double x2, double y2, String color, String style) {
    return "<line x1=\"" + number(x1) + "\" y1=\"" + number(y1) + "\" x2=\"" + number(x2) + "\" y2=\""
        + number(y2) + "\" stroke=\"" + color + "\" " + style + "/>";
  }

  private static String text(double x, double y, String anchor, String content) {
    return "<text " + TEXT + " x=\"" + number(x) + "\" y=\"" + number(y) + "\" text-anchor=\"" + anchor
        + "\">" + Markup.escape(content) + "</text>";
  }

  private static String number(double value) {
    String text = String.format(Locale.ROOT, "%.1f", value);
    return text.endsWith(".0") ? text.substring(0, text.length() - 2) : text;
  }
}

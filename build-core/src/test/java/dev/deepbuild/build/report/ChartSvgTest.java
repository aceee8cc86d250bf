package dev.deepbuild.build.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.report.LineChart.Point;
import dev.deepbuild.build.report.LineChart.Series;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class ChartSvgTest {
  private static final Pattern COMMAND = Pattern.compile("([ML])(-?[\\d.]+),(-?[\\d.]+)");

  @Test
  void drawsOnePathPerCurveWithAPointPerEpoch() throws Exception {
    List<LineChart> charts = LearningCurves.of(Sessions.classifier("iris", 30));
    assertEquals(List.of("Loss per epoch", "Accuracy per epoch"), charts.stream().map(LineChart::title).toList());

    Document svg = Xml.parse(ChartSvg.render(charts.get(0)));
    List<Element> curves = Xml.withClass(svg, "path", "curve");

    assertEquals(List.of("training", "validation"), curves.stream().map(c -> c.getAttribute("data-series")).toList());
    for (Element curve : curves) {
      List<double[]> points = points(curve.getAttribute("d"));
      assertEquals(30, points.size());
      assertTrue(curve.getAttribute("d").startsWith("M"));
      assertEquals(1, curve.getAttribute("d").chars().filter(c -> c == 'M').count());
    }
  }

  @Test
  void pointsStayInsideThePlotAndFallingLossFallsOnScreen() throws Exception {
    Document svg = Xml.parse(ChartSvg.render(LearningCurves.of(Sessions.classifier("iris", 10)).get(0)));
    List<double[]> points = points(Xml.withClass(svg, "path", "curve").get(0).getAttribute("d"));

    for (double[] point : points) {
      assertTrue(point[0] >= 0 && point[0] <= ChartSvg.WIDTH && point[1] >= 0 && point[1] <= ChartSvg.HEIGHT);
    }
    // Screen y grows downward: a falling loss climbs down the picture.
    assertTrue(points.get(0)[1] < points.get(9)[1]);
    assertTrue(points.get(0)[0] < points.get(9)[0]);
  }

  @Test
  void aRegressorWithoutValidationHasOneCurveAndTheKFoldChartABandAndTheBestEpoch() throws Exception {
    List<LineChart> charts = LearningCurves.of(Sessions.regressor("boston", 40));
    assertEquals("MAE per epoch", charts.get(1).title());
    assertEquals(1, Xml.withClass(Xml.parse(ChartSvg.render(charts.get(1))), "path", "curve").size());

    LineChart kFold = LearningCurves.kFold(Sessions.regressor("boston", 40)).orElseThrow();
    String text = ChartSvg.render(kFold);
    Document svg = Xml.parse(text);
    assertEquals(40, points(Xml.withClass(svg, "path", "curve").get(0).getAttribute("d")).size());
    Element band = Xml.withClass(svg, "path", "band").get(0);
    // Upper edge forward, lower edge back: two points per epoch, closed.
    assertEquals(80, points(band.getAttribute("d")).size());
    assertTrue(band.getAttribute("d").endsWith("Z"));
    assertTrue(text.contains(">best epoch 39</text>"), text);
    assertTrue(text.contains(">± 1 std</text>"), text);
  }

  @Test
  void labelsBothAxesWithTicks() throws Exception {
    Document svg = Xml.parse(ChartSvg.render(LearningCurves.of(Sessions.classifier("iris", 30)).get(1)));
    List<String> texts = Xml.elements(svg, "text").stream().map(Element::getTextContent).toList();

    assertTrue(texts.containsAll(List.of("epoch", "accuracy", "training", "validation", "10", "20", "30")), texts.toString());
    assertTrue(texts.contains("0.9"), texts.toString());
    assertEquals("Accuracy per epoch", Xml.elements(svg, "title").get(0).getTextContent());
  }

  @Test
  void aGapInTheValuesBreaksTheLineAndASingleEpochStillShows() throws Exception {
    LineChart gap = new LineChart("t", "epoch", "loss", List.of(new Series("training", "#000",
        List.of(new Point(1, 1), new Point(2, Double.NaN), new Point(3, 0.5), new Point(4, 0.4)))), null, null);
    String d = Xml.withClass(Xml.parse(ChartSvg.render(gap)), "path", "curve").get(0).getAttribute("d");
    assertEquals(3, points(d).size());
    assertEquals(2, d.chars().filter(c -> c == 'M').count());

    LineChart single = new LineChart("t", "epoch", "loss",
        List.of(new Series("training", "#000", List.of(new Point(1, 0.7)))), null, null);
    Document svg = Xml.parse(ChartSvg.render(single));
    assertEquals(1, points(Xml.withClass(svg, "path", "curve").get(0).getAttribute("d")).size());
    assertFalse(Xml.elements(svg, "circle").isEmpty());
  }

  @Test
  void escapesNamesAndRefusesAChartWithNothingToDraw() throws Exception {
    LineChart chart = new LineChart("a <b> & \"c\"", "epoch", "<y>", List.of(new Series("x & y", "#000",
        List.of(new Point(1, 1), new Point(2, 2)))), null, null);
    Document svg = Xml.parse(ChartSvg.render(chart));
    assertEquals("a <b> & \"c\"", Xml.elements(svg, "title").get(0).getTextContent());
    assertEquals("x & y", Xml.withClass(svg, "path", "curve").get(0).getAttribute("data-series"));

    LineChart empty = new LineChart("t", "epoch", "loss",
        List.of(new Series("training", "#000", List.of(new Point(1, Double.NaN)))), null, null);
    assertThrows(IllegalArgumentException.class, () -> ChartSvg.render(empty));
  }

  private static List<double[]> points(String d) {
    Matcher matcher = COMMAND.matcher(d);
    List<double[]> points = new ArrayList<>();
    while (matcher.find()) {
      points.add(new double[] {Double.parseDouble(matcher.group(2)), Double.parseDouble(matcher.group(3))});
    }
    return points;
  }
}

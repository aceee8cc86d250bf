package dev.deepbuild.build.report;

import static dev.deepbuild.build.report.Sessions.classifier;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.gate.CheckOutcome;
import dev.deepbuild.build.gate.Gate;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;

/** A model's page shows each accepted value beside the current one, and the bound it derives. */
class AcceptedMetricsReportTest {
  private static final AcceptedMetrics ACCEPTED = new AcceptedMetrics("accepted.json",
      Map.of("iris", Map.of(AcceptedMetrics.MODEL,
          Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, 0.861, Metric.LOSS, 0.375)))));

  private static List<String> cells(Element row) {
    List<String> cells = new ArrayList<>();
    for (var cell = row.getFirstChild(); cell != null; cell = cell.getNextSibling()) {
      cells.add(cell.getTextContent());
    }
    return cells;
  }

  @Test
  void theMetricsTableShowsTheAcceptedValueAndTheDifference() throws Exception {
    ModelReport report = classifier("iris", 3);
    ThresholdSpec regression = ThresholdSpec.maxRegression(Metric.ACCURACY, 0.01);
    ModelOutcome outcome = new ModelOutcome("iris", report, null,
        Gate.check(report, List.of(regression), ACCEPTED));
    var page = Xml.parse(ModelPage.render(outcome, ACCEPTED));

    Element thresholds = Xml.elements(page, "table").get(0);
    List<Element> thresholdRows = Xml.elements(page, "tr").stream()
        .filter(row -> row.getParentNode().getParentNode() == thresholds).toList();
    assertEquals(List.of("fail", "accuracy", "test", "≥ 0.851 (the accepted 0.861 less 0.010)",
            "0.842", "iris: test accuracy is 0.842, but expected minimum is 0.851 (the accepted"
                + " 0.861 less 0.010)"),
        cells(thresholdRows.get(1)));

    Element metrics = Xml.elements(page, "table").get(1);
    List<List<String>> rows = Xml.elements(page, "tr").stream()
        .filter(row -> row.getParentNode().getParentNode() == metrics)
        .map(AcceptedMetricsReportTest::cells).toList();
    assertEquals(List.of("metric", "training", "validation", "test"), rows.get(0));
    // loss, then accuracy: the test cells carry the accepted value and the change from it.
    assertEquals("0.3750accepted 0.3750 (±0)", rows.get(1).get(3));
    assertEquals("0.8421accepted 0.8610 (−0.0189)", rows.get(2).get(3));
    // Splits without an accepted value show the value alone.
    assertEquals(List.of("accepted"), Xml.withClass(page, "div", "accepted").stream()
        .map(div -> div.getTextContent().substring(0, 8)).distinct().toList());
    assertEquals(2, Xml.withClass(page, "div", "accepted").size());
  }

  @Test
  void withoutAcceptedValuesTheTableIsAsBefore() throws Exception {
    ModelReport report = classifier("iris", 3);
    var page = Xml.parse(ModelPage.render(new ModelOutcome("iris", report, null, List.of())));
    assertEquals(0, Xml.withClass(page, "div", "accepted").size());
  }

  @Test
  void aJUnitTestCaseIsNamedByItsToleranceUntilAValueIsAccepted() {
    ModelReport report = classifier("iris", 3);
    ThresholdSpec regression = ThresholdSpec.maxRegression(Metric.ACCURACY, 0.01);
    CheckOutcome unaccepted = Gate.check(report, List.of(regression),
        AcceptedMetrics.none(AcceptedMetrics.DEFAULT_SOURCE)).get(0);
    assertEquals("test accuracy maxRegression 0.01", JUnitReport.testName(unaccepted));
    CheckOutcome accepted = Gate.check(report, List.of(regression), ACCEPTED).get(0);
    assertEquals("test accuracy >= 0.851 (the accepted 0.861 less 0.010)",
        JUnitReport.testName(accepted));
  }
}

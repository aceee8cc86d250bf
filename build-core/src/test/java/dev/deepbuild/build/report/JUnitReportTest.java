package dev.deepbuild.build.report;

import static dev.deepbuild.build.report.Sessions.aboveBaseline;
import static dev.deepbuild.build.report.Sessions.broken;
import static dev.deepbuild.build.report.Sessions.classifier;
import static dev.deepbuild.build.report.Sessions.max;
import static dev.deepbuild.build.report.Sessions.min;
import static dev.deepbuild.build.report.Sessions.regressor;
import static dev.deepbuild.build.report.Sessions.trained;
import static dev.deepbuild.build.report.Sessions.withBaseline;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class JUnitReportTest {
  private static final SessionResult SESSION = SessionResult.of(List.of(
      trained(classifier("iris", 5), min(Metric.ACCURACY, 0.9), min(Metric.F1, 0.8),
          max(Metric.LOSS, DataSplit.TEST, 0.3)),
      trained(regressor("boston", 10), max(Metric.MAE, DataSplit.TEST, 2.9),
          max(Metric.MAE, DataSplit.KFOLD_MEAN, 2.9)),
      broken("flowers", "flowers: cannot read data/flowers.csv: no such file")));

  @Test
  void countsEachThresholdAsATestAndEachMissAsAFailure() throws Exception {
    Element suite = Xml.parse(JUnitReport.render(SESSION)).getDocumentElement();

    assertEquals("testsuite", suite.getTagName());
    assertEquals("deepbuild", suite.getAttribute("name"));
    assertEquals("6", suite.getAttribute("tests"));
    assertEquals("2", suite.getAttribute("failures"));
    assertEquals("1", suite.getAttribute("errors"));
    assertEquals("0", suite.getAttribute("skipped"));
    assertEquals("13.850", suite.getAttribute("time"));
    assertEquals(6, suite.getElementsByTagName("testcase").getLength());
  }

  @Test
  void namesTestCasesByModelSplitMetricAndBound() throws Exception {
    Document document = Xml.parse(JUnitReport.render(SESSION));
    List<String> names = Xml.elements(document, "testcase").stream()
        .map(test -> test.getAttribute("classname") + " / " + test.getAttribute("name")).toList();

    assertEquals(List.of("deepbuild.iris / test accuracy >= 0.900", "deepbuild.iris / test f1 >= 0.800",
        "deepbuild.iris / test loss <= 0.300", "deepbuild.boston / test mae <= 2.900",
        "deepbuild.boston / k-fold mean mae <= 2.900", "deepbuild.flowers / training"), names);
  }

  @Test
  void namesBaselineThresholdsByTheirBoundsSoThatTwoOnOneMetricDiffer() throws Exception {
    ModelOutcome outcome = trained(withBaseline(classifier("iris", 3), Metric.ACCURACY, 0.7423),
        aboveBaseline(Metric.ACCURACY, 0.1), aboveBaseline(Metric.ACCURACY, 0.05));
    Document document = Xml.parse(JUnitReport.render(SessionResult.of(List.of(outcome))));

    assertEquals(List.of("test accuracy >= 0.843 (the baseline's 0.743 plus 0.100)",
            "test accuracy >= 0.793 (the baseline's 0.743 plus 0.050)"),
        Xml.elements(document, "testcase").stream().map(test -> test.getAttribute("name")).toList());
    assertEquals("iris: test accuracy is 0.842, but expected minimum is 0.843 (the baseline's 0.743"
        + " plus 0.100)", Xml.elements(document, "failure").get(0).getAttribute("message"));
    assertEquals("iris: test accuracy is 0.842 (minimum 0.793: the baseline's 0.743 plus 0.050)",
        Xml.elements(document, "system-out").get(0).getTextContent());
  }

  @Test
  void aMissedThresholdIsAFailureWithTheCheckMessage() throws Exception {
    Document document = Xml.parse(JUnitReport.render(SESSION));
    List<Element> failures = Xml.elements(document, "failure");

    assertEquals(2, failures.size());
    assertEquals("iris: test accuracy is 0.842, but expected minimum is 0.900", failures.get(0).getAttribute("message"));
    assertEquals("threshold", failures.get(0).getAttribute("type"));
    assertEquals("iris: test loss is 0.375, but expected maximum is 0.300", failures.get(1).getTextContent());
    Element error = Xml.elements(document, "error").get(0);
    assertEquals("flowers: cannot read data/flowers.csv: no such file", error.getAttribute("message"));
  }

  @Test
  void aModelReusedFromAnEarlierBuildTookNoTimeInThisOne() throws Exception {
    ModelOutcome fresh = trained(classifier("iris", 3), min(Metric.ACCURACY, 0.8));
    ModelOutcome reused = trained(regressor("boston", 3), max(Metric.MAE, DataSplit.TEST, 2.9));
    reused = new ModelOutcome(reused.model(), reused.report(), null, reused.checks(), true);
    Document document = Xml.parse(JUnitReport.render(SessionResult.of(List.of(fresh, reused))));

    assertEquals("1.600", document.getDocumentElement().getAttribute("time"));
    assertEquals(List.of("1.600", "0.000"),
        Xml.elements(document, "testcase").stream().map(test -> test.getAttribute("time")).toList());
  }

  @Test
  void aSessionThatCouldNotStartIsOneError() throws Exception {
    Element suite = Xml.parse(JUnitReport.render(SessionResult.failed("No model is named 'iris'")))
        .getDocumentElement();

    assertEquals("1", suite.getAttribute("tests"));
    assertEquals("1", suite.getAttribute("errors"));
    assertEquals("No model is named 'iris'",
        ((Element) suite.getElementsByTagName("error").item(0)).getAttribute("message"));
  }

  @Test
  void escapesMarkupAndKeepsLineBreaksInAttributes() throws Exception {
    String message = "bad <input> & \"quotes\" in 'x'\nsecond line\u0007 end";
    Document document = Xml.parse(JUnitReport.render(SessionResult.of(List.of(broken("a&b", message)))));

    Element test = Xml.elements(document, "testcase").get(0);
    assertEquals("deepbuild.a&b", test.getAttribute("classname"));
    Element error = Xml.elements(document, "error").get(0);
    // The bell character is not allowed in XML at all; it becomes a replacement character.
    String expected = "bad <input> & \"quotes\" in 'x'\nsecond line\uFFFD end";
    assertEquals(expected, error.getAttribute("message"));
    assertEquals(expected, error.getTextContent());
  }

  @Test
  void aPassedThresholdKeepsItsMessageAsOutput() throws Exception {
    SessionResult session = SessionResult.of(List.of(trained(classifier("iris", 3), min(Metric.ACCURACY, 0.8))));
    Document document = Xml.parse(JUnitReport.render(session));

    assertEquals(0, Xml.elements(document, "failure").size());
    assertEquals("iris: test accuracy is 0.842 (minimum 0.800)",
        Xml.elements(document, "system-out").get(0).getTextContent());
  }
}

package dev.deepbuild.build.report;

import static dev.deepbuild.build.report.Sessions.broken;
import static dev.deepbuild.build.report.Sessions.classifier;
import static dev.deepbuild.build.report.Sessions.max;
import static dev.deepbuild.build.report.Sessions.min;
import static dev.deepbuild.build.report.Sessions.regressor;
import static dev.deepbuild.build.report.Sessions.trained;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.SessionResult;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

class IndexPageTest {
  @Test
  void listsEveryModelWithItsStatusMetricsAndThresholdsLinkingToItsPage() throws Exception {
    SessionResult session = SessionResult.of(List.of(
        trained(classifier("iris", 5), min(Metric.ACCURACY, 0.9), min(Metric.F1, 0.8)),
        trained(regressor("boston", 5), max(Metric.MAE, DataSplit.TEST, 2.9)),
        broken("flowers", "flowers: no file <data.csv>")));
    Document page = Xml.parse(IndexPage.render(session, "junit/TEST-deepbuild.xml"));

    NodeList rows = Xml.elements(page, "tbody").get(0).getElementsByTagName("tr");
    assertEquals(3, rows.getLength());
    assertEquals(List.of("iris/report.html", "boston/report.html", "flowers/report.html",
        "junit/TEST-deepbuild.xml"), Xml.elements(page, "a").stream().map(a -> a.getAttribute("href")).toList());
    assertEquals("irismissed thresholdsaccuracy 0.8421 · F1 0.8400 · loss 0.37501 met, 1 missed1.6 s",
        rows.item(0).getTextContent());
    assertEquals("bostonpassedMAE 2.4000 · RMSE 3.0000 · R² 0.81001 met12.3 s", rows.item(1).getTextContent());
    assertEquals("flowerserrorflowers: no file <data.csv>", rows.item(2).getTextContent());
    assertEquals("3 models: 1 passed, 1 missed thresholds, 1 error",
        Xml.withClass(page, "p", "sub").get(0).getTextContent());
  }

  @Test
  void showsASessionThatCouldNotStart() throws Exception {
    Document page = Xml.parse(IndexPage.render(SessionResult.failed("No model is named 'x'"), "j.xml"));

    assertEquals("No model is named 'x'", Xml.elements(page, "pre").get(0).getTextContent());
    assertEquals(0, Xml.elements(page, "table").size());
  }
}

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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.MemoryUse;
import dev.deepbuild.build.result.Provenance;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ModelPageTest {
  private static List<String> sectionIds(Document page) {
    return Xml.elements(page, "section").stream().map(s -> s.getAttribute("id")).toList();
  }

  private static List<List<String>> rows(Element table) {
    return Xml.elements(table.getOwnerDocument(), "tr").stream()
        .filter(row -> row.getParentNode().getParentNode() == table)
        .map(row -> {
          List<String> cells = new ArrayList<>();
          for (var cell = row.getFirstChild(); cell != null; cell = cell.getNextSibling()) {
            cells.add(cell.getTextContent());
          }
          return cells;
        }).toList();
  }

  @Test
  void aClassifierPageHasEverySectionAndItsMissedThreshold() throws Exception {
    ModelOutcome outcome = trained(classifier("iris", 12), min(Metric.ACCURACY, 0.9), min(Metric.F1, 0.8));
    Document page = Xml.parse(ModelPage.render(outcome));

    assertEquals(List.of("thresholds", "metrics", "curves", "confusion", "summary", "provenance"), sectionIds(page));
    assertEquals("iris: missed thresholds", Xml.elements(page, "title").get(0).getTextContent());
    assertEquals("missed thresholds", Xml.withClass(page, "span", "badge").get(0).getTextContent());
    Element thresholds = Xml.elements(page, "table").get(0);
    assertEquals(List.of(
            List.of("result", "metric", "split", "bound", "actual", "message"),
            List.of("fail", "accuracy", "test", "≥ 0.900", "0.842", "iris: test accuracy is 0.842, but expected minimum is 0.900"),
            List.of("pass", "F1", "test", "≥ 0.800", "0.840", "iris: test f1 is 0.840 (minimum 0.800)")),
        rows(thresholds));
    assertEquals(2, Xml.withClass(page, "svg", "chart").size());
  }

  @Test
  void aBoundDerivedFromTheBaselineShowsAsTheLogPrintsIt() throws Exception {
    // Test accuracy 0.8421 against 0.7423 + 0.1 = 0.8423: the bound rounds up, the value down.
    ModelOutcome outcome = trained(withBaseline(classifier("iris", 3), Metric.ACCURACY, 0.7423),
        aboveBaseline(Metric.ACCURACY, 0.1));
    Element thresholds = Xml.elements(Xml.parse(ModelPage.render(outcome)), "table").get(0);

    assertEquals(List.of("fail", "accuracy", "test", "≥ 0.843 (the baseline's 0.743 plus 0.100)",
            "0.842", "iris: test accuracy is 0.842, but expected minimum is 0.843 (the baseline's"
                + " 0.743 plus 0.100)"),
        rows(thresholds).get(1));
  }

  @Test
  void theActualValueOfAMissRoundsTowardFailure() throws Exception {
    ModelOutcome outcome = trained(classifier("iris", 3), min(Metric.ACCURACY, 0.8422),
        max(Metric.LOSS, DataSplit.TEST, 0.3749));
    List<List<String>> rows = rows(Xml.elements(Xml.parse(ModelPage.render(outcome)), "table").get(0));

    assertEquals(List.of("≥ 0.8422", "0.8421"), rows.get(1).subList(3, 5));
    assertEquals(List.of("≤ 0.3749", "0.3750"), rows.get(2).subList(3, 5));
  }

  @Test
  void theConfusionMatrixHasACellPerClassPairAndShadesOnlyCounts() throws Exception {
    Document page = Xml.parse(ModelPage.render(trained(classifier("iris", 3))));
    Element table = Xml.withClass(page, "table", "confusion").get(0);
    List<List<String>> rows = rows(table);

    assertEquals(List.of("actual ↓predicted →", "setosa", "versicolor", "virginica", "total", "recall"), rows.get(0));
    assertEquals(List.of("versicolor", "0", "5", "1", "6", "0.833"), rows.get(2));
    assertEquals(List.of("total", "6", "7", "6", "19", ""), rows.get(4));
    assertEquals(List.of("precision", "1.000", "0.714", "0.833", "", ""), rows.get(5));
    long shaded = Xml.elements(page, "td").stream().filter(td -> td.getAttribute("style").contains("hsl(")).count();
    assertEquals(5, shaded);
  }

  @Test
  void aRegressorPageHasTheKFoldChartAndNoConfusionMatrix() throws Exception {
    ModelOutcome outcome = trained(regressor("boston", 20), max(Metric.MAE, DataSplit.KFOLD_MEAN, 2.9));
    Document page = Xml.parse(ModelPage.render(outcome));

    assertEquals(List.of("thresholds", "metrics", "curves", "k-fold", "summary", "provenance"), sectionIds(page));
    assertEquals(3, Xml.withClass(page, "svg", "chart").size());
    Element metrics = Xml.elements(page, "table").get(1);
    assertEquals(List.of("metric", "training", "test", "k-fold mean", "k-fold worst"), rows(metrics).get(0));
    assertEquals(List.of("MAE", "0.5000", "2.4000", "2.4000", "2.7000"), rows(metrics).get(2));
  }

  @Test
  void aFinalFitForTheBestMeanEpochSaysSo() {
    ModelReport folded = regressor("boston", 20);
    KFoldReport kFold = folded.kFold();
    ModelReport report = new ModelReport(folded.model(), folded.declaringClass(), folded.task(),
        folded.seed(), folded.metrics(), folded.history().subList(0, kFold.bestEpoch()),
        folded.trainingSeconds(), new KFoldReport(kFold.k(), kFold.iterations(), kFold.monitored(),
            kFold.bestEpoch(), kFold.curve(), kFold.folds(), FinalEpochs.BEST_MEAN),
        null, null);

    assertTrue(ModelSummary.render(report).contains(
        "best mean validation MAE at epoch 19; the final model trained for 19 epochs"
            + " (finalEpochs = BEST_MEAN)"), ModelSummary.render(report));
    assertFalse(ModelSummary.render(folded).contains("finalEpochs"));
  }

  @Test
  void showsTheBaselinesTestMetricsBesideTheModels() throws Exception {
    ModelReport trained = classifier("iris", 3);
    ModelReport report = new ModelReport(trained.model(), trained.declaringClass(), trained.task(),
        trained.seed(), trained.metrics(), trained.history(), trained.trainingSeconds(), null,
        trained.confusion(), null, Map.of(DataSplit.TEST, Map.of(Metric.ACCURACY, 0.3333)));
    Document page = Xml.parse(ModelPage.render(new ModelOutcome("iris", report, null, List.of(), false)));

    assertTrue(page.getDocumentElement().getTextContent().contains("baseline (test)"));
    assertTrue(page.getDocumentElement().getTextContent().contains("0.3333"));
  }

  @Test
  void showsTheProvenanceAndFoldsTheFingerprint() throws Exception {
    ModelReport trained = classifier("iris", 3);
    Provenance provenance = new Provenance("0.1.0", "1.0.0-M2.1", "1.0.0-M2.2", "17.0.15", "Debian",
        "Linux 6.1", "amd64", null, "CPU, OPENBLAS", "FLOAT", 42, "sha256:abc",
        Map.of("epochs", "60", "data", "CsvSource[<iris.dat>]"));
    ModelReport report = new ModelReport(trained.model(), trained.declaringClass(), trained.task(), trained.seed(),
        trained.metrics(), trained.history(), trained.trainingSeconds(), null, trained.confusion(), provenance);
    Document page = Xml.parse(ModelPage.render(new ModelOutcome("iris", report, null, List.of(), true)));

    Element section = Xml.elements(page, "section").stream()
        .filter(s -> s.getAttribute("id").equals("provenance")).findFirst().orElseThrow();
    String text = section.getTextContent();
    assertTrue(text.contains("DeepBuild 0.1.0, DL4J 1.0.0-M2.1, ND4J 1.0.0-M2.2"), text);
    assertTrue(text.contains("OMP_NUM_THREADS=unset"), text);
    assertTrue(text.contains("sha256:abc"), text);
    assertTrue(text.contains("in an earlier build; this build reused the saved model"), text);
    // The fingerprint, sorted by name, folded away under the facts.
    Element details = (Element) section.getElementsByTagName("details").item(0);
    NodeList names = details.getElementsByTagName("th");
    assertEquals(2, names.getLength());
    assertEquals("data", names.item(0).getTextContent());
    assertEquals("epochs", names.item(1).getTextContent());
    assertTrue(details.getTextContent().contains("CsvSource[<iris.dat>]"), text);
    assertTrue(Xml.elements(page, "p").get(0).getTextContent().contains("up to date: trained in 1.6 s by an earlier build"));
    assertFalse(text.contains("peak memory"), text);
  }

  @Test
  void showsThePeakMemoryOfTheTraining() throws Exception {
    ModelReport trained = classifier("iris", 3);
    Provenance provenance = new Provenance("0.1.0", "1.0.0-M2.1", "1.0.0-M2.1", "17.0.15", "Debian",
        "Linux 6.1", "amd64", "1", "CPU, OPENBLAS", "FLOAT", 42, "sha256:abc", Map.of())
        .withMemory(new MemoryUse(812_000_000L, 4_294_967_296L, 2_900_000_000L, true, 0,
            610_000_000L, 420_000_000L, 3));
    ModelReport report = new ModelReport(trained.model(), trained.declaringClass(), trained.task(),
        trained.seed(), trained.metrics(), trained.history(), trained.trainingSeconds(), null,
        trained.confusion(), provenance);
    String text = Xml.elements(Xml.parse(ModelPage.render(new ModelOutcome("iris", report, null,
        List.of(), false))), "section").stream()
        .filter(s -> s.getAttribute("id").equals("provenance")).findFirst().orElseThrow()
        .getTextContent();

    assertTrue(text.contains("heap 812 MB of 4,295 MB; beyond the heap 610 MB; resident 2,900 MB"
        + " (process, while this model trained; 420 MB at its start); native limit none;"
        + " 3 collections between steps"), text);
  }

  @Test
  void escapesEverythingItShows() throws Exception {
    String text = "<script>alert(\"x\")</script> & 'y'";
    Document page = Xml.parse(ModelPage.render(broken("bad", text)));

    assertEquals(text, Xml.elements(page, "pre").get(0).getTextContent());
    assertTrue(Xml.elements(page, "script").isEmpty());
    assertEquals("error", Xml.withClass(page, "span", "badge").get(0).getTextContent());
  }

  @Test
  void isSelfContained() {
    String html = ModelPage.render(trained(regressor("boston", 20)));

    assertFalse(html.contains("<script"));
    assertFalse(html.contains("<link"));
    assertFalse(html.contains("src="));
    assertFalse(html.contains("url("));
  }
}

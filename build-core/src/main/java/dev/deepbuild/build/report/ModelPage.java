package dev.deepbuild.build.report;

import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import java.util.List;

/**
 * A model's page, {@code <model>/report.html}: its status, thresholds, final metrics, learning
 * curves, K-fold curve, confusion matrix, summary and provenance; or, for a model that could not be
 * trained, the reason.
 */
final class ModelPage {
  private ModelPage() {}

  static String render(ModelOutcome outcome) {
    return render(outcome, AcceptedMetrics.none(AcceptedMetrics.DEFAULT_SOURCE));
  }

  /** @param accepted the accepted metrics its tables show beside the current ones */
  static String render(ModelOutcome outcome, AcceptedMetrics accepted) {
    ModelStatus status = ModelStatus.of(outcome);
    String header = "<header>\n<a class=\"back\" href=\"../index.html\">← all models</a>\n<h1>"
        + Markup.escape(outcome.model()) + ' ' + status.badge() + "</h1>\n";
    if (outcome.failed()) {
      return Html.page(outcome.model() + ": error", header
          + "<p class=\"sub\">The model could not be trained; the build fails with this error.</p>\n</header>\n"
          + Html.section("error", "Error", "<pre class=\"error\">" + Markup.escape(outcome.error()) + "</pre>\n"));
    }
    ModelReport report = outcome.report();
    return Html.page(outcome.model() + ": " + status.label(), header
        + "<p class=\"sub\"><code>" + Markup.escape(report.declaringClass()) + "</code> · "
        + Markup.escape(headline(outcome)) + "</p>\n</header>\n" + sections(outcome, accepted));
  }

  private static String sections(ModelOutcome outcome, AcceptedMetrics accepted) {
    ModelReport report = outcome.report();
    StringBuilder html = new StringBuilder()
        .append(Html.section("thresholds", "Thresholds", ThresholdTable.render(outcome.checks())))
        .append(Html.section("metrics", "Final metrics", MetricsTable.render(report, accepted)));
    report.outputs().keySet().forEach(output -> html.append(Html.section("metrics-" + output,
        "Final metrics of the output " + output, MetricsTable.render(report, output, accepted))));
    html
        .append(Html.section("curves", "Learning curves", figures(LearningCurves.of(report))));
    LearningCurves.kFold(report).ifPresent(chart -> html.append(Html.section("k-fold",
        "K-fold cross-validation", figures(List.of(chart)) + Html.note(kFoldNote(report.kFold())))));
    if (report.confusion() != null) {
      html.append(Html.section("confusion", "Confusion matrix on the test split",
          ConfusionTable.render(report.confusion())
              + Html.note("Rows are the actual classes, columns the predicted ones; a cell's shade is "
                  + "its share of the row. Recall is the diagonal's share of its row, precision of its column.")));
    }
    return html.append(Html.section("summary", "Model summary", ModelSummary.render(report)))
        .append(Html.section("provenance", "Provenance", ProvenanceSection.render(outcome)))
        .toString();
  }

  /** {@code 2 of 2 thresholds met · trained in 1.6 s}, or by an earlier build when reused. */
  private static String headline(ModelOutcome outcome) {
    int checks = outcome.checks().size();
    int met = checks - outcome.violations().size();
    String thresholds = checks == 0 ? "no thresholds"
        : met + " of " + checks + " threshold" + (checks == 1 ? "" : "s") + " met";
    String seconds = Numbers.seconds(outcome.report().trainingSeconds());
    return thresholds + (outcome.upToDate()
        ? " · up to date: trained in " + seconds + " by an earlier build" : " · trained in " + seconds);
  }

  private static String kFoldNote(KFoldReport kFold) {
    return "The validation curve averaged over " + LearningCurves.folds(kFold)
        + ", each fold a fresh network; the band is one standard deviation across folds. The best "
        + "epoch, by the mean, is marked.";
  }

  private static String figures(List<LineChart> charts) {
    if (charts.isEmpty()) {
      return Html.note("No epoch has a finite value to draw.");
    }
    StringBuilder html = new StringBuilder("<div class=\"charts\">\n");
    for (LineChart chart : charts) {
      html.append("<figure>\n<figcaption>").append(Markup.escape(chart.title())).append("</figcaption>\n")
          .append(ChartSvg.render(chart)).append('\n');
      ValueRange.of(chart).offChart().ifPresent(epochs -> html.append(Html.note(
          "Off the chart: " + epochs + ", so that the later epochs stay readable.")));
      html.append("</figure>\n");
    }
    return html.append("</div>\n").toString();
  }
}

package dev.deepbuild.build.report;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.SessionResult;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * {@code index.html}: a row per model of the build with its status, key test metrics and threshold
 * outcomes, linking to the model's page.
 */
final class IndexPage {
  private static final List<Metric> CLASSIFIER_KEYS = List.of(Metric.ACCURACY, Metric.F1, Metric.LOSS);
  private static final List<Metric> REGRESSOR_KEYS = List.of(Metric.MAE, Metric.RMSE, Metric.R2);

  private IndexPage() {}

  static String render(SessionResult result, String junitLink) {
    StringBuilder body = new StringBuilder("<header>\n<h1>DeepBuild models</h1>\n<p class=\"sub\">")
        .append(Markup.escape(tally(result))).append("</p>\n</header>\n");
    if (result.error() != null) {
      body.append(Html.section("error", "Error",
          "<pre class=\"error\">" + Markup.escape(result.error()) + "</pre>\n"));
    }
    if (!result.models().isEmpty()) {
      body.append(Html.section("models", "Models", table(result.models())));
    }
    body.append("<footer>Thresholds as JUnit XML, for CI servers: <a href=\"")
        .append(Markup.escape(junitLink)).append("\">").append(Markup.escape(junitLink))
        .append("</a></footer>\n");
    return Html.page("DeepBuild models", body.toString());
  }

  private static String table(List<ModelOutcome> models) {
    StringBuilder html = new StringBuilder("<table class=\"wide\">\n<thead><tr><th>model</th><th>status</th>"
        + "<th>test metrics</th><th>thresholds</th><th class=\"num\">training time</th></tr></thead>\n<tbody>\n");
    for (ModelOutcome model : models) {
      ModelStatus status = ModelStatus.of(model);
      html.append("<tr><td><a href=\"").append(Markup.pathSegment(model.model())).append("/report.html\">")
          .append(Markup.escape(model.model())).append("</a></td><td>").append(status.badge()).append("</td>");
      if (model.failed()) {
        html.append("<td colspan=\"3\" class=\"message\">").append(Markup.escape(model.error()))
            .append("</td></tr>\n");
        continue;
      }
      html.append("<td>").append(Markup.escape(keyMetrics(model.report()))).append("</td><td>")
          .append(Markup.escape(thresholds(model))).append("</td><td class=\"num\">")
          .append(Numbers.seconds(model.report().trainingSeconds()))
          .append(model.upToDate() ? "<br/><span class=\"note\">earlier build, up to date</span>" : "")
          .append("</td></tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  /** {@code accuracy 0.9667 · F1 0.9667 · loss 0.0871}, those the report has. */
  private static String keyMetrics(ModelReport report) {
    List<String> parts = new ArrayList<>();
    for (Metric metric : report.task() == Task.CLASSIFICATION ? CLASSIFIER_KEYS : REGRESSOR_KEYS) {
      OptionalDouble value = report.metric(DataSplit.TEST, metric);
      if (value.isPresent()) {
        parts.add(Numbers.name(metric) + " " + Numbers.value(value.getAsDouble()));
      }
    }
    return String.join(" · ", parts);
  }

  /** {@code 2 met}, {@code 1 met, 1 missed}, or {@code none}. */
  private static String thresholds(ModelOutcome model) {
    int missed = model.violations().size();
    int met = model.checks().size() - missed;
    if (met + missed == 0) {
      return "none";
    }
    return missed == 0 ? met + " met" : met + " met, " + missed + " missed";
  }

  /** {@code 3 models: 2 passed, 1 missed thresholds}. */
  private static String tally(SessionResult result) {
    if (result.error() != null) {
      return "The build's models could not be trained.";
    }
    Map<ModelStatus, Integer> counts = new EnumMap<>(ModelStatus.class);
    result.models().forEach(model -> counts.merge(ModelStatus.of(model), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((status, count) -> parts.add(count + " " + status.label()));
    int n = result.models().size();
    String models = n + " model" + (n == 1 ? "" : "s");
    return parts.isEmpty() ? models : models + ": " + String.join(", ", parts);
  }
}

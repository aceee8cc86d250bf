package dev.deepbuild.build.report;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.result.ModelReport;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The trained model's final metrics: a row per metric, a column per split it was measured on, and
 * beside them the common-sense baseline's test metrics, which the model has to beat. Under each
 * value that was accepted ({@code dl:accept}), the accepted value and how far the current one is
 * from it.
 */
final class MetricsTable {
  private MetricsTable() {}

  static String render(ModelReport report) {
    return render(report, AcceptedMetrics.none(AcceptedMetrics.DEFAULT_SOURCE));
  }

  static String render(ModelReport report, AcceptedMetrics accepted) {
    return render(report.metrics(), report.baseline(),
        accepted.models().getOrDefault(report.model(), Map.of())
            .getOrDefault(AcceptedMetrics.MODEL, Map.of()));
  }

  /** The table of one output of a model of several, with that output's baseline. */
  static String render(ModelReport report, String output) {
    return render(report, output, AcceptedMetrics.none(AcceptedMetrics.DEFAULT_SOURCE));
  }

  static String render(ModelReport report, String output, AcceptedMetrics accepted) {
    return render(report.outputs().get(output),
        report.outputBaselines().getOrDefault(output, Map.of()),
        accepted.models().getOrDefault(report.model(), Map.of()).getOrDefault(output, Map.of()));
  }

  private static String render(Map<DataSplit, Map<Metric, Double>> metrics,
      Map<DataSplit, Map<Metric, Double>> baselines,
      Map<DataSplit, Map<Metric, Double>> accepted) {
    List<DataSplit> splits = Arrays.stream(DataSplit.values()).filter(metrics::containsKey).toList();
    List<Metric> rows = Arrays.stream(Metric.values())
        .filter(metric -> splits.stream().anyMatch(split -> metrics.get(split).containsKey(metric)))
        .toList();
    StringBuilder html = new StringBuilder("<table>\n<thead><tr><th>metric</th>");
    for (DataSplit split : splits) {
      html.append("<th class=\"num\">").append(Markup.escape(split.label())).append("</th>");
    }
    Map<Metric, Double> baseline = baselines.getOrDefault(DataSplit.TEST, Map.of());
    if (!baseline.isEmpty()) {
      html.append("<th class=\"num\">baseline (test)</th>");
    }
    html.append("</tr></thead>\n<tbody>\n");
    for (Metric metric : rows) {
      html.append("<tr><th>").append(Markup.escape(Numbers.name(metric))).append("</th>");
      for (DataSplit split : splits) {
        Double value = metrics.get(split).get(metric);
        Double was = accepted.getOrDefault(split, Map.of()).get(metric);
        html.append("<td class=\"num\">").append(value == null ? "" : Numbers.value(value))
            .append(value == null || was == null ? "" : acceptedNote(value, was)).append("</td>");
      }
      if (!baseline.isEmpty()) {
        Double value = baseline.get(metric);
        html.append("<td class=\"num\">").append(value == null ? "" : Numbers.value(value)).append("</td>");
      }
      html.append("</tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }

  /** {@code accepted 0.8610 (−0.0190)}: the accepted value and the current one's difference. */
  private static String acceptedNote(double value, double accepted) {
    return "<div class=\"accepted\">accepted " + Numbers.value(accepted) + " ("
        + Numbers.difference(value, accepted) + ")</div>";
  }
}

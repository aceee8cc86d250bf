package dev.deepbuild.build.report;

import dev.deepbuild.build.gate.CheckOutcome;
import java.util.List;

/**
 * A model's thresholds as a table: what was bounded, how, the value measured and the verdict, the
 * bound and the value printed as the check's message prints them.
 */
final class ThresholdTable {
  private ThresholdTable() {}

  static String render(List<CheckOutcome> checks) {
    if (checks.isEmpty()) {
      return Html.note("The model has no thresholds, so nothing here can fail the build.");
    }
    StringBuilder html = new StringBuilder("<table class=\"wide\">\n<thead><tr><th>result</th>"
        + "<th>metric</th><th>split</th><th class=\"num\">bound</th><th class=\"num\">actual</th>"
        + "<th>message</th></tr></thead>\n<tbody>\n");
    for (CheckOutcome check : checks) {
      ModelStatus verdict = check.passed() ? ModelStatus.PASSED : ModelStatus.MISSED;
      html.append("<tr><td><span class=\"badge ").append(verdict.styleClass()).append("\">")
          .append(check.passed() ? "pass" : "fail").append("</span></td><td>")
          .append(Markup.escape((check.threshold().perOutput() ? check.threshold().output() + " " : "")
              + Numbers.name(check.threshold().metric()))).append("</td><td>")
          .append(Markup.escape(check.threshold().on().label())).append("</td><td class=\"num\">")
          .append(Markup.escape(Numbers.bounds(check, "≥", "≤")))
          .append("</td><td class=\"num\">").append(Markup.escape(check.printedActual()))
          .append("</td><td class=\"message\">").append(Markup.escape(check.message()))
          .append("</td></tr>\n");
    }
    return html.append("</tbody>\n</table>\n").toString();
  }
}

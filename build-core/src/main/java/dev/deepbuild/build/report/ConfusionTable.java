package dev.deepbuild.build.report;

import dev.deepbuild.build.result.ConfusionCounts;
import java.util.List;
import java.util.Locale;

/**
 * A confusion matrix as a table: actual classes down, predicted across, each cell shaded by its
 * share of the actual class (blue on the diagonal, red off it), with totals, recall per row and
 * precision per column. Many classes get a compact table with vertical column names, so that
 * Reuters's 46 topics fit the page's width.
 */
final class ConfusionTable {
  /** From this many classes on, cells shrink and column names stand upright. */
  private static final int COMPACT_FROM = 9;

  private ConfusionTable() {}

  static String render(ConfusionCounts confusion) {
    List<String> classes = confusion.classes();
    int n = classes.size();
    boolean compact = n >= COMPACT_FROM;
    StringBuilder html = new StringBuilder("<div class=\"scroll\">\n<table class=\"confusion")
        .append(compact ? " compact" : "").append("\">\n<thead><tr><th class=\"corner\">")
        .append("actual ↓<br/>predicted →</th>");
    for (String name : classes) {
      html.append(columnHeader(name, "", compact));
    }
    html.append(columnHeader("total", "total", compact))
        .append(columnHeader(compact ? "recall %" : "recall", "total", compact))
        .append("</tr></thead>\n<tbody>\n");
    for (int actual = 0; actual < n; actual++) {
      int rowTotal = confusion.actualTotal(actual);
      html.append("<tr><th>").append(Markup.escape(classes.get(actual))).append("</th>");
      for (int predicted = 0; predicted < n; predicted++) {
        int count = confusion.count(actual, predicted);
        html.append(cell(count, rowTotal, actual == predicted, classes.get(actual), classes.get(predicted),
            compact));
      }
      html.append("<td class=\"total\">").append(rowTotal).append("</td><td class=\"total\">")
          .append(ratio(confusion.count(actual, actual), rowTotal, compact)).append("</td></tr>\n");
    }
    html.append("<tr><th class=\"total\">total</th>");
    for (int predicted = 0; predicted < n; predicted++) {
      html.append("<td class=\"total\">").append(confusion.predictedTotal(predicted)).append("</td>");
    }
    html.append("<td class=\"total\">").append(confusion.total()).append("</td><td class=\"total\"></td></tr>\n");
    html.append("<tr><th class=\"total\">precision").append(compact ? " %" : "").append("</th>");
    for (int predicted = 0; predicted < n; predicted++) {
      html.append("<td class=\"total\">")
          .append(ratio(confusion.count(predicted, predicted), confusion.predictedTotal(predicted), compact))
          .append("</td>");
    }
    return html.append("<td class=\"total\"></td><td class=\"total\"></td></tr>\n</tbody>\n</table>\n</div>\n")
        .toString();
  }

  /** A column's name; standing upright in a compact table, so that it is no wider than a count. */
  private static String columnHeader(String name, String styleClass, boolean compact) {
    String classes = (styleClass + (compact ? " vertical" : "")).strip();
    return "<th" + (classes.isEmpty() ? "" : " class=\"" + classes + "\"") + "><span>" + Markup.escape(name)
        + "</span></th>";
  }

  /**
   * A count, shaded by its share of the row; the tooltip spells it out. A compact table leaves
   * zeros blank: among thousands of cells, the few counts are what the eye must find.
   */
  private static String cell(
      int count, int rowTotal, boolean diagonal, String actual, String predicted, boolean compact) {
    String title = count + " of " + rowTotal + " " + actual + " predicted as " + predicted;
    if (count == 0) {
      return "<td class=\"zero\" title=\"" + Markup.escape(title) + "\">" + (compact ? "" : "0") + "</td>";
    }
    double share = (double) count / rowTotal;
    // Lightness falls from 96% to 40% (diagonal) or 50% (errors) as the share grows.
    double lightness = 96 - share * (diagonal ? 56 : 46);
    String background = String.format(Locale.ROOT, "hsl(%d, %d%%, %.0f%%)",
        diagonal ? 212 : 4, diagonal ? 62 : 72, lightness);
    String color = lightness < 62 ? "#fff" : "#1d232a";
    return "<td style=\"background: " + background + "; color: " + color + "\" title=\""
        + Markup.escape(title) + "\">" + count + "</td>";
  }

  /** {@code 0.909}, or in a compact table a whole percentage, {@code 91}, to keep columns narrow. */
  private static String ratio(int part, int whole, boolean compact) {
    if (whole == 0) {
      return "–";
    }
    double ratio = (double) part / whole;
    return compact ? Long.toString(Math.round(100 * ratio)) : String.format(Locale.ROOT, "%.3f", ratio);
  }
}

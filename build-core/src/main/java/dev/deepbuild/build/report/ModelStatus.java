package dev.deepbuild.build.report;

import dev.deepbuild.build.result.ModelOutcome;
import java.util.Locale;

/** What became of a model, as the reports name and colour it. */
enum ModelStatus {
  PASSED("passed"),
  MISSED("missed thresholds"),
  ERROR("error");

  private final String label;

  ModelStatus(String label) {
    this.label = label;
  }

  static ModelStatus of(ModelOutcome outcome) {
    if (outcome.failed()) {
      return ERROR;
    }
    return outcome.violations().isEmpty() ? PASSED : MISSED;
  }

  String label() {
    return label;
  }

  /** The style class of its badge. */
  String styleClass() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** A badge for HTML pages. */
  String badge() {
    return "<span class=\"badge " + styleClass() + "\">" + Markup.escape(label) + "</span>";
  }
}

package dev.deepbuild.build.report;

import java.util.ArrayList;
import java.util.List;

/** Labelled values rendered as a two-column list, for a page's summary and provenance. */
final class Facts {
  private final List<String> items = new ArrayList<>();

  /** Adds a plain-text value. */
  Facts add(String label, String value) {
    return addMarkup(label, Markup.escape(value));
  }

  /** Adds a value that is markup already, such as {@code <code>…</code>}. */
  Facts addMarkup(String label, String value) {
    items.add("<dt>" + Markup.escape(label) + "</dt><dd>" + value + "</dd>");
    return this;
  }

  String render() {
    return "<dl class=\"facts\">\n" + String.join("\n", items) + "\n</dl>\n";
  }
}

package dev.deepbuild.build.report;

/**
 * The frame every report page shares: one self-contained file, its style sheet inline. Pages are
 * also well-formed XML (void elements closed, only XML's entities), so any XML parser can check them.
 */
final class Html {
  private Html() {}

  /** A whole page; {@code body} is markup, {@code title} plain text. */
  static String page(String title, String body) {
    return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        + "<meta name=\"generator\" content=\"DeepBuild\"/>\n"
        + "<title>" + Markup.escape(title) + "</title>\n<style>\n" + Style.CSS + "</style>\n</head>\n"
        + "<body>\n<main>\n" + body + "</main>\n</body>\n</html>\n";
  }

  /** A titled section of a page; {@code content} is markup. */
  static String section(String id, String heading, String content) {
    return "<section id=\"" + Markup.escape(id) + "\">\n<h2>" + Markup.escape(heading) + "</h2>\n"
        + content + "</section>\n";
  }

  /** A paragraph of plain text in the muted style. */
  static String note(String text) {
    return "<p class=\"note\">" + Markup.escape(text) + "</p>\n";
  }
}

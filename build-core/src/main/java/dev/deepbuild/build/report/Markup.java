package dev.deepbuild.build.report;

import java.nio.charset.StandardCharsets;

/**
 * Escaping for the reports' HTML, SVG and XML. One escape serves all three: it replaces the five
 * characters with a meaning in markup, and the characters XML 1.0 cannot hold at all (control
 * characters, unpaired surrogates), which an exception message may carry from a broken data file.
 */
final class Markup {
  private static final char REPLACEMENT = '\uFFFD';

  private Markup() {}

  /** {@code text} as element content or a quoted attribute value; null as the empty string. */
  static String escape(String text) {
    return escape(text, false);
  }

  /**
   * {@code text} as a quoted attribute value whose line breaks and tabs survive: an XML parser
   * turns literal ones in attributes into spaces.
   */
  static String attribute(String text) {
    return escape(text, true);
  }

  /** A model name as one segment of a relative link. */
  static String pathSegment(String name) {
    StringBuilder out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~".indexOf(c) >= 0) {
        out.append((char) c);
      } else {
        out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
            .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
      }
    }
    return out.toString();
  }

  private static String escape(String text, boolean keepWhitespace) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        case '\n', '\r', '\t' -> {
          if (keepWhitespace) {
            out.append("&#").append(c).append(';');
          } else {
            out.append((char) c);
          }
        }
        default -> {
          if (allowedInXml(c)) {
            out.appendCodePoint(c);
          } else {
            out.append(REPLACEMENT);
          }
        }
      }
    }
    return out.toString();
  }

  /** The {@code Char} production of XML 1.0, less tab and line breaks, handled above. */
  private static boolean allowedInXml(int c) {
    return c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD || c >= 0x10000 && c <= 0x10FFFF;
  }
}

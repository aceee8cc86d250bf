package dev.deepbuild.runtime.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;

/**
 * Parses one JavaScript literal, as a minifier writes JSON data into a bundle: objects with bare
 * or quoted keys, arrays, strings, numbers such as {@code .5} or {@code -0}, {@code !0} and
 * {@code !1} for true and false, and {@code null}. Whole numbers stay integers, so a Keras
 * {@code max_value:6} reads as the JSON {@code 6} it was. Anything else is an error naming the
 * offset, since it means the bundle is not what this reader was written for.
 */
final class JsLiteral {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final String source;
  private final String where;
  private int at;

  private JsLiteral(String source, int start, String where) {
    this.source = source;
    this.at = start;
    this.where = where;
  }

  /** The literal that starts at {@code start}, and the offset just after it. */
  record Parsed(JsonNode value, int end) {}

  /**
   * @param where names the file in messages
   * @throws PretrainedFormatException when the text there is not such a literal
   */
  static Parsed parse(String source, int start, String where) {
    JsLiteral parser = new JsLiteral(source, start, where);
    JsonNode value = parser.value();
    return new Parsed(value, parser.at);
  }

  private JsonNode value() {
    skipSpace();
    if (at >= source.length()) {
      throw error("the text ends where a value was expected");
    }
    char c = source.charAt(at);
    switch (c) {
      case '{':
        return object();
      case '[':
        return array();
      case '"':
      case '\'':
        return NODES.textNode(string());
      case '!':
        return negation();
      default:
        if (c == '-' || c == '.' || Character.isDigit(c)) {
          return number();
        }
        String word = identifier();
        return switch (word) {
          case "null" -> NODES.nullNode();
          case "true" -> NODES.booleanNode(true);
          case "false" -> NODES.booleanNode(false);
          default -> throw error("'" + word + "' is not a literal value");
        };
    }
  }

  private ObjectNode object() {
    ObjectNode object = NODES.objectNode();
    at++;
    skipSpace();
    if (peek() == '}') {
      at++;
      return object;
    }
    while (true) {
      skipSpace();
      char c = peek();
      String key = c == '"' || c == '\'' ? string() : Character.isDigit(c) ? number().asText() : identifier();
      skipSpace();
      expect(':');
      object.set(key, value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect('}');
        return object;
      }
    }
  }

  private ArrayNode array() {
    ArrayNode array = NODES.arrayNode();
    at++;
    skipSpace();
    if (peek() == ']') {
      at++;
      return array;
    }
    while (true) {
      array.add(value());
      skipSpace();
      if (peek() == ',') {
        at++;
      } else {
        expect(']');
        return array;
      }
    }
  }

  private String string() {
    char quote = source.charAt(at++);
    StringBuilder text = new StringBuilder();
    while (at < source.length()) {
      char c = source.charAt(at++);
      if (c == quote) {
        return text.toString();
      }
      if (c != '\\') {
        text.append(c);
        continue;
      }
      if (at >= source.length()) {
        break;
      }
      char escaped = source.charAt(at++);
      switch (escaped) {
        case 'n' -> text.append('\n');
        case 't' -> text.append('\t');
        case 'r' -> text.append('\r');
        case 'b' -> text.append('\b');
        case 'f' -> text.append('\f');
        case 'u' -> {
          if (at + 4 > source.length()) {
            throw error("a \\u escape is cut short");
          }
          text.append((char) Integer.parseInt(source.substring(at, at + 4), 16));
          at += 4;
        }
        default -> text.append(escaped);
      }
    }
    throw error("a string is not closed");
  }

  // !0 is true and !1 false: what minifiers write for the booleans.
  private JsonNode negation() {
    at++;
    JsonNode operand = value();
    if (!operand.isNumber()) {
      throw error("'!' is followed by " + operand + ", not 0 or 1");
    }
    return NODES.booleanNode(operand.asDouble() == 0);
  }

  private JsonNode number() {
    int start = at;
    if (peek() == '-' || peek() == '+') {
      at++;
    }
    while (at < source.length() && "0123456789.eE+-".indexOf(source.charAt(at)) >= 0) {
      char c = source.charAt(at);
      if ((c == '+' || c == '-') && "eE".indexOf(source.charAt(at - 1)) < 0) {
        break;
      }
      at++;
    }
    String text = source.substring(start, at);
    try {
      BigDecimal value = new BigDecimal(text.startsWith(".") || text.startsWith("-.")
          ? text.replace(".", "0.") : text);
      boolean whole = text.indexOf('.') < 0 && text.indexOf('e') < 0 && text.indexOf('E') < 0;
      if (whole && !text.equals("-0")) {
        return NODES.numberNode(value.toBigIntegerExact().longValueExact());
      }
      return NODES.numberNode(value.doubleValue());
    } catch (ArithmeticException | NumberFormatException e) {
      at = start;
      throw error("'" + text + "' is not a number");
    }
  }

  private String identifier() {
    int start = at;
    while (at < source.length()
        && (Character.isLetterOrDigit(source.charAt(at)) || "_$".indexOf(source.charAt(at)) >= 0)) {
      at++;
    }
    if (start == at) {
      throw error(at < source.length() ? "unexpected '" + source.charAt(at) + "'" : "the text ends early");
    }
    return source.substring(start, at);
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("expected '" + c + "'");
    }
    at++;
  }

  private char peek() {
    return at < source.length() ? source.charAt(at) : '\0';
  }

  private void skipSpace() {
    while (at < source.length() && Character.isWhitespace(source.charAt(at))) {
      at++;
    }
  }

  private PretrainedFormatException error(String problem) {
    int from = Math.max(0, at - 30);
    int to = Math.min(source.length(), at + 30);
    return new PretrainedFormatException(where + " at offset " + at + ": " + problem + " (near '"
        + source.substring(from, to) + "')");
  }
}

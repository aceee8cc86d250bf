package dev.deepbuild.build.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Typed fields of a JSON object, each missing or mistyped field an error that names it. */
public final class Json {
  private Json() {}

  public static JsonNode field(JsonNode node, String name) throws IOException {
    JsonNode value = node.get(name);
    if (value == null || value.isNull()) {
      throw new IOException("missing \"" + name + "\"");
    }
    return value;
  }

  public static String text(JsonNode node, String name) throws IOException {
    JsonNode value = field(node, name);
    if (!value.isTextual()) {
      throw new IOException("\"" + name + "\" is not a string: " + value);
    }
    return value.asText();
  }

  public static int integer(JsonNode node, String name) throws IOException {
    JsonNode value = field(node, name);
    if (!value.isIntegralNumber() || !value.canConvertToInt()) {
      throw new IOException("\"" + name + "\" is not a whole number: " + value);
    }
    return value.intValue();
  }

  public static double number(JsonNode node, String name) throws IOException {
    JsonNode value = field(node, name);
    if (!value.isNumber()) {
      throw new IOException("\"" + name + "\" is not a number: " + value);
    }
    return value.doubleValue();
  }

  public static boolean bool(JsonNode node, String name) throws IOException {
    JsonNode value = field(node, name);
    if (!value.isBoolean()) {
      throw new IOException("\"" + name + "\" is not true or false: " + value);
    }
    return value.booleanValue();
  }

  public static <E extends Enum<E>> E constant(JsonNode node, String name, Class<E> type)
      throws IOException {
    String value = text(node, name);
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IOException("\"" + name + "\" is \"" + value + "\", which is no "
          + type.getSimpleName(), e);
    }
  }

  public static List<String> texts(JsonNode node, String name) throws IOException {
    JsonNode array = array(node, name);
    List<String> values = new ArrayList<>(array.size());
    for (JsonNode value : array) {
      if (!value.isTextual()) {
        throw new IOException("\"" + name + "\" holds " + value + ", which is not a string");
      }
      values.add(value.asText());
    }
    return values;
  }

  public static List<Integer> ints(JsonNode node, String name) throws IOException {
    JsonNode array = array(node, name);
    List<Integer> values = new ArrayList<>(array.size());
    for (JsonNode value : array) {
      if (!value.isIntegralNumber() || !value.canConvertToInt()) {
        throw new IOException("\"" + name + "\" holds " + value + ", which is not a whole number");
      }
      values.add(value.intValue());
    }
    return values;
  }

  private static JsonNode array(JsonNode node, String name) throws IOException {
    JsonNode value = field(node, name);
    if (!value.isArray()) {
      throw new IOException("\"" + name + "\" is not an array: " + value);
    }
    return value;
  }
}

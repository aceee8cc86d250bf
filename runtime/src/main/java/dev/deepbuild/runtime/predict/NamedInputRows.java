package dev.deepbuild.runtime.predict;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepbuild.runtime.InvalidInputException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A functional model's rows for {@code dl:predict}, each a JSON object of the model's inputs by
 * name, one a line: a text input's value is a string, a table input's an array of its feature
 * values in column order or an object of them by column name: {@code {"title": "Oil rises",
 * "body": "Crude prices rose..."}}, {@code {"shape": [1.4, 0.2], "scale": {"stem": 3.1}}}. The
 * model then checks each row's names and each input's kind.
 */
final class NamedInputRows {
  private static final ObjectMapper JSON = new ObjectMapper();

  private NamedInputRows() {}

  /** The rows of {@code lines}, one JSON object each. */
  static List<Map<String, ModelInput>> parse(String model, List<String> lines) {
    return lines.stream().map(line -> row(model, line)).toList();
  }

  private static Map<String, ModelInput> row(String model, String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      node = null;
    }
    if (node == null || !node.isObject()) {
      throw new InvalidInputException(model + ": the row " + line + " is no JSON object of the"
          + " model's inputs by name; give one such as {\"title\": \"a text\", \"features\":"
          + " [1.0, 2.5]}, or a file of one a line.");
    }
    Map<String, ModelInput> row = new LinkedHashMap<>();
    for (Iterator<Map.Entry<String, JsonNode>> fields = node.fields(); fields.hasNext(); ) {
      Map.Entry<String, JsonNode> field = fields.next();
      row.put(field.getKey(), input(model, field.getKey(), field.getValue(), line));
    }
    return row;
  }

  private static ModelInput input(String model, String name, JsonNode value, String line) {
    if (value.isTextual()) {
      return ModelInput.text(value.asText());
    }
    if (value.isArray()) {
      double[] values = new double[value.size()];
      for (int i = 0; i < values.length; i++) {
        values[i] = number(model, name, value.get(i), line);
      }
      return ModelInput.features(values);
    }
    if (value.isObject()) {
      Map<String, Double> columns = new LinkedHashMap<>();
      value.fields().forEachRemaining(column ->
          columns.put(column.getKey(), number(model, name, column.getValue(), line)));
      return ModelInput.columns(columns);
    }
    throw new InvalidInputException(model + ": the input \"" + name + "\" of the row " + line
        + " is " + value + "; give a string for a text input, an array of numbers (or an object"
        + " of them by column name) for a table input.");
  }

  private static double number(String model, String name, JsonNode value, String line) {
    if (!value.isNumber()) {
      throw new InvalidInputException(model + ": the input \"" + name + "\" of the row " + line
          + " has " + value + " where a number must be; fix the value.");
    }
    return value.asDouble();
  }
}

package dev.deepbuild.runtime.datasets.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads labelled texts from a JSON file holding one array of objects, each with a string text
 * field and a label field that is a string, a number or a boolean (its JSON text names the class).
 */
final class TextJsonReader {
  private TextJsonReader() {}

  /** Each of {@code fields}, a value per object, by its name. */
  static FieldedTexts readFields(String model, Path file, List<FileField> fields) {
    Map<String, List<String>> values = new LinkedHashMap<>();
    fields.forEach(field -> values.put(field.name(), new ArrayList<>()));
    int[] objects = {0};
    try (InputStream in = Files.newInputStream(file)) {
      JsonArrays.forEachObject(in, (parser, index) -> {
        JsonNode object = parser.readValueAsTree();
        for (FileField field : fields) {
          values.get(field.name()).add(field(model, file, object, index, field));
        }
        objects[0]++;
      });
    } catch (JsonProcessingException e) {
      String example = String.join(", ", fields.stream()
          .map(field -> "\"" + field.name() + "\": \"...\"").toList());
      throw new InvalidInputException(model + ": the text file " + file + " is not a JSON array of"
          + " objects: " + e.getOriginalMessage() + JsonArrays.place(e) + ". Write it as"
          + " [{" + example + "}, ...].", e);
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot read the text file " + file + ": " + e, e);
    }
    if (objects[0] == 0) {
      throw new InvalidInputException(model + ": the text file " + file + " holds an empty array."
          + " Add the texts, one object each.");
    }
    return FieldedTexts.of(fields, values);
  }

  private static String field(String model, Path file, JsonNode object, int index,
      FileField field) {
    String name = field.name();
    boolean text = field.text();
    JsonNode value = object.get(name);
    boolean usable = value != null && (value.isTextual() || (!text && value.isValueNode() && !value.isNull()));
    if (!usable) {
      throw new InvalidInputException(model + ": the text file " + file + ", object " + index
          + " of the array has no " + (text ? "string" : "string, number or boolean") + " field '"
          + name + "'" + (object.size() > 0 ? "; its fields are " + fieldNames(object) : "")
          + ". Set " + field.setting() + " to the field that holds the "
          + (text ? "text" : "class") + ", or add it to every object.");
    }
    // Surrounding spaces of a class name are taken for accidents, as in CSV files.
    String content = text ? value.asText() : value.asText().strip();
    if (!text && content.isEmpty()) {
      throw new InvalidInputException(model + ": the text file " + file + ", object " + index
          + " of the array has an empty label '" + name + "'. Give every text its class.");
    }
    return content;
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }
}

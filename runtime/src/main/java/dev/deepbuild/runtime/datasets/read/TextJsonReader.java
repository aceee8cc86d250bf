package dev.deepbuild.runtime.datasets.read;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.deepbuild.runtime.DeepBuildException;
import dev.deepbuild.runtime.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads labelled texts from a JSON file holding one array of objects, each with a string text
 * field and a label field that is a string, a number or a boolean (its JSON text names the class).
 */
final class TextJsonReader {
  private TextJsonReader() {}

  static LabelledTexts read(String model, Path file, String textField, String labelField) {
    List<String> texts = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      JsonArrays.forEachObject(in, (parser, index) -> {
        JsonNode object = parser.readValueAsTree();
        texts.add(field(model, file, object, index, textField, "textField", true));
        labels.add(field(model, file, object, index, labelField, "labelField", false));
      });
    } catch (JsonProcessingException e) {
      throw new InvalidInputException(model + ": the text file " + file + " is not a JSON array of"
          + " objects: " + e.getOriginalMessage() + JsonArrays.place(e) + ". Write it as"
          + " [{\"" + textField + "\": \"...\", \"" + labelField + "\": \"...\"}, ...].", e);
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot read the text file " + file + ": " + e, e);
    }
    if (texts.isEmpty()) {
      throw new InvalidInputException(model + ": the text file " + file + " holds an empty array."
          + " Add the texts, one object each.");
    }
    return LabelledTexts.byClassName(texts, labels);
  }

  private static String field(String model, Path file, JsonNode object, int index, String name,
      String attribute, boolean text) {
    JsonNode value = object.get(name);
    boolean usable = value != null && (value.isTextual() || (!text && value.isValueNode() && !value.isNull()));
    if (!usable) {
      throw new InvalidInputException(model + ": the text file " + file + ", object " + index
          + " of the array has no " + (text ? "string" : "string, number or boolean") + " field '"
          + name + "'" + (object.size() > 0 ? "; its fields are " + fieldNames(object) : "")
          + ". Set @TextData(" + attribute + " = ...) to the field that holds the "
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

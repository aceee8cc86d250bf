package dev.deepbuild.runtime.datasets.read;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the Reuters newswires of {@link DatasetCatalog#REUTERS} and labels them by Keras's rule: a
 * wire's class is its first topic; wires without a topic, and wires whose first topic is the first
 * topic of fewer than {@value #MIN_WIRES_PER_TOPIC} wires, are dropped. That keeps 11,228 of the
 * 21,578 wires in 46 classes. The text is the body, or the title when the body is missing or blank
 * (975 wires), or empty when both are missing (61 wires, kept so that the count matches Keras's).
 * Wires keep the order of the files ({@code reuters-000.json} first) and of each file; classes are
 * ordered by topic name.
 */
public final class ReutersReader {
  public static final int MIN_WIRES_PER_TOPIC = 15;

  /** One newswire as stored. */
  record Wire(String title, String body, List<String> topics) {
    String text() {
      if (body != null && !body.isBlank()) {
        return body;
      }
      return title == null ? "" : title;
    }
  }

  private ReutersReader() {}

  /** Reads and labels the wires of the dataset's tarball. */
  public static LabelledTexts read(Path tarball) {
    // Archive order is not file order (reuters-011.json comes first), so sort by name.
    Map<String, List<Wire>> files = new TreeMap<>();
    List<String> expected = DatasetCatalog.REUTERS.files();
    DatasetArchives.readAll(DatasetCatalog.REUTERS, tarball, expected::contains,
        (name, content) -> files.put(name, parseFile(name, content)));
    if (files.size() != expected.size()) {
      List<String> missing = new ArrayList<>(expected);
      missing.removeAll(files.keySet());
      throw DatasetArchives.failure(DatasetCatalog.REUTERS, tarball,
          new DatasetFormatException("it lacks the entries " + missing));
    }
    return label(files.values().stream().flatMap(List::stream).toList());
  }

  /** The wires of one file, such as {@code reuters-000.json}, in order; {@code name} is for messages. */
  static List<Wire> parseFile(String name, InputStream content) throws IOException {
    List<Wire> wires = new ArrayList<>(1_000);
    try {
      JsonArrays.forEachObject(content, (parser, index) -> wires.add(wire(parser)));
    } catch (JsonProcessingException e) {
      throw new DatasetFormatException(name + ": " + e.getOriginalMessage() + JsonArrays.place(e), e);
    }
    return wires;
  }

  /** Keeps and labels {@code wires}, all of the dataset in order, by Keras's rule. */
  static LabelledTexts label(List<Wire> wires) {
    Map<String, Integer> firstTopicCounts = new HashMap<>();
    for (Wire wire : wires) {
      if (!wire.topics().isEmpty()) {
        firstTopicCounts.merge(wire.topics().get(0), 1, Integer::sum);
      }
    }
    List<String> texts = new ArrayList<>();
    List<String> topics = new ArrayList<>();
    for (Wire wire : wires) {
      if (!wire.topics().isEmpty()
          && firstTopicCounts.get(wire.topics().get(0)) >= MIN_WIRES_PER_TOPIC) {
        texts.add(wire.text());
        topics.add(wire.topics().get(0));
      }
    }
    return LabelledTexts.byClassName(texts, topics);
  }

  private static Wire wire(JsonParser parser) throws IOException {
    String title = null;
    String body = null;
    List<String> topics = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "title" -> title = string(parser, value);
        case "body" -> body = string(parser, value);
        case "topics" -> topics = strings(parser, value);
        default -> parser.skipChildren();
      }
    }
    return new Wire(title, body, topics);
  }

  private static String string(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return null;
    }
    if (value != JsonToken.VALUE_STRING) {
      throw JsonArrays.problem(parser, "\"" + parser.currentName() + "\" is not a string");
    }
    return parser.getText();
  }

  private static List<String> strings(JsonParser parser, JsonToken value) throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (value != JsonToken.START_ARRAY) {
      throw JsonArrays.problem(parser, "\"topics\" is not an array");
    }
    List<String> strings = new ArrayList<>(2);
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token != JsonToken.VALUE_STRING) {
        throw JsonArrays.problem(parser, "\"topics\" holds something other than strings");
      }
      strings.add(parser.getText());
    }
    return strings;
  }
}

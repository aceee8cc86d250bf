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
import java.util.LinkedHashMap;
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
  record Wire(String title, String body, List<String> topics, List<String> places) {
    Wire(String title, String body, List<String> topics) {
      this(title, body, topics, List.of());
    }

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
    return label(wires(tarball));
  }

  /**
   * Reads the wires Keras's rule keeps, in the same order as {@link #read}, as fields: the texts
   * {@code text}, {@code title} and {@code body} (a missing one is empty) and the labels {@code
   * topic} and {@code usa} ({@code true} when the wire lists {@code usa} among its places).
   */
  public static FieldedTexts readFields(Path tarball) {
    List<Wire> kept = kept(wires(tarball));
    Map<String, List<String>> texts = new LinkedHashMap<>();
    texts.put("text", kept.stream().map(Wire::text).toList());
    texts.put("title", kept.stream().map(wire -> wire.title() == null ? "" : wire.title()).toList());
    texts.put("body", kept.stream().map(wire -> wire.body() == null ? "" : wire.body()).toList());
    Map<String, List<String>> labels = new LinkedHashMap<>();
    labels.put("topic", kept.stream().map(wire -> wire.topics().get(0)).toList());
    labels.put("usa", kept.stream()
        .map(wire -> Boolean.toString(wire.places().contains("usa"))).toList());
    return new FieldedTexts(texts, labels);
  }

  private static List<Wire> wires(Path tarball) {
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
    return files.values().stream().flatMap(List::stream).toList();
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
    List<Wire> kept = kept(wires);
    return LabelledTexts.byClassName(kept.stream().map(Wire::text).toList(),
        kept.stream().map(wire -> wire.topics().get(0)).toList());
  }

  /** The wires Keras's rule keeps, in order. */
  private static List<Wire> kept(List<Wire> wires) {
    Map<String, Integer> firstTopicCounts = new HashMap<>();
    for (Wire wire : wires) {
      if (!wire.topics().isEmpty()) {
        firstTopicCounts.merge(wire.topics().get(0), 1, Integer::sum);
      }
    }
    return wires.stream().filter(wire -> !wire.topics().isEmpty()
        && firstTopicCounts.get(wire.topics().get(0)) >= MIN_WIRES_PER_TOPIC).toList();
  }

  private static Wire wire(JsonParser parser) throws IOException {
    String title = null;
    String body = null;
    List<String> topics = List.of();
    List<String> places = List.of();
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      switch (field) {
        case "title" -> title = string(parser, value);
        case "body" -> body = string(parser, value);
        case "topics" -> topics = strings(parser, value, field);
        case "places" -> places = strings(parser, value, field);
        default -> parser.skipChildren();
      }
    }
    return new Wire(title, body, topics, places);
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

  private static List<String> strings(JsonParser parser, JsonToken value, String field)
      throws IOException {
    if (value == JsonToken.VALUE_NULL) {
      return List.of();
    }
    if (value != JsonToken.START_ARRAY) {
      throw JsonArrays.problem(parser, "\"" + field + "\" is not an array");
    }
    List<String> strings = new ArrayList<>(2);
    for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
      if (token != JsonToken.VALUE_STRING) {
        throw JsonArrays.problem(parser, "\"" + field + "\" holds something other than strings");
      }
      strings.add(parser.getText());
    }
    return strings;
  }
}

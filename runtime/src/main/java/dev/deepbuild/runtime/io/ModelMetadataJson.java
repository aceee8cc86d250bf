package dev.deepbuild.runtime.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepbuild.annotations.Task;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A {@link ModelMetadata} as {@value ModelMetadata#ENTRY}, its keys always in this order, so that
 * the same model gives the same bytes:
 *
 * <pre>{@code
 * { "format": 1, "deepbuild": "0.1.0", "model": "iris", "task": "CLASSIFICATION",
 *   "classes": ["setosa", "versicolor", "virginica"],
 *   "input": { "kind": "csv", "featureColumns": [0, 1, 2, 3], "featureNames": ["sepal_length", ...],
 *     "labelColumn": 4, "labelName": "species", "delimiter": ",", "header": true },
 *   "vocabulary": [] }
 * }</pre>
 *
 * A text model's input is {@code { "kind": "text", "mode": "MULTI_HOT", "maxTokens": 10000,
 * "sequenceLength": 0, "tokenizerVersion": 1 }} and its vocabulary the words in index order.
 */
final class ModelMetadataJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ModelMetadataJson() {}

  static byte[] toBytes(ModelMetadata metadata) {
    ObjectNode node = MAPPER.createObjectNode();
    node.put("format", ModelMetadata.FORMAT);
    node.put("deepbuild", metadata.deepbuildVersion());
    node.put("model", metadata.model());
    node.put("task", metadata.task().name());
    strings(node.putArray("classes"), metadata.classNames());
    ObjectNode input = node.putObject("input");
    input.put("kind", metadata.input().kind());
    metadata.input().put(input);
    strings(node.putArray("vocabulary"), metadata.vocabulary());
    try {
      return (MAPPER.writeValueAsString(node) + "\n").getBytes(StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree of strings and numbers always serializes", e);
    }
  }

  /** @throws IOException for another format than {@link ModelMetadata#FORMAT}, or bad JSON */
  static ModelMetadata read(InputStream in) throws IOException {
    JsonNode node = MAPPER.readTree(in);
    if (node == null || !node.isObject()) {
      throw new IOException("it is not a JSON object");
    }
    int format = Json.integer(node, "format");
    if (format != ModelMetadata.FORMAT) {
      throw new IOException("its format is " + format + " (written by DeepBuild "
          + node.path("deepbuild").asText("unknown") + "), but this DeepBuild reads format "
          + ModelMetadata.FORMAT);
    }
    JsonNode input = Json.field(node, "input");
    return new ModelMetadata(Json.text(node, "deepbuild"), Json.text(node, "model"),
        Json.constant(node, "task", Task.class), Json.texts(node, "classes"),
        InputSchema.read(input), Json.texts(node, "vocabulary"));
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}

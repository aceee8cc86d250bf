package dev.deepbuild.runtime.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.io.Json;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
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
 * "sequenceLength": 0, "tokenizerVersion": 1 }} and its vocabulary the words in index order. A
 * functional model also lists its named inputs and outputs in the network's order: {@code
 * "inputs": [{"name": "title", "field": "title", "input": {...}, "vocabulary": [...]}, ...],
 * "outputs": [{"name": "topic", "field": "topic", "task": "CLASSIFICATION", "classes": [...]}]};
 * format 1, which lacks them, is read as a model without named inputs.
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
    if (!metadata.inputs().isEmpty()) {
      ArrayNode inputs = node.putArray("inputs");
      for (ModelMetadata.NamedInput named : metadata.inputs()) {
        ObjectNode entry = inputs.addObject();
        entry.put("name", named.name());
        entry.put("field", named.field());
        ObjectNode schema = entry.putObject("input");
        schema.put("kind", named.schema().kind());
        named.schema().put(schema);
        strings(entry.putArray("vocabulary"), named.vocabulary());
      }
      ArrayNode outputs = node.putArray("outputs");
      for (ModelMetadata.NamedOutput named : metadata.outputs()) {
        ObjectNode entry = outputs.addObject();
        entry.put("name", named.name());
        entry.put("field", named.field());
        entry.put("task", named.task().name());
        strings(entry.putArray("classes"), named.classNames());
      }
    }
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
    if (format != ModelMetadata.FORMAT && format != ModelMetadata.FORMAT_WITHOUT_NAMED_INPUTS) {
      throw new IOException("its format is " + format + " (written by DeepBuild "
          + node.path("deepbuild").asText("unknown") + "), but this DeepBuild reads formats "
          + ModelMetadata.FORMAT_WITHOUT_NAMED_INPUTS + " and " + ModelMetadata.FORMAT);
    }
    JsonNode input = Json.field(node, "input");
    List<ModelMetadata.NamedInput> inputs = new ArrayList<>();
    for (JsonNode entry : node.path("inputs")) {
      inputs.add(new ModelMetadata.NamedInput(Json.text(entry, "name"), Json.text(entry, "field"),
          InputSchema.read(Json.field(entry, "input")), Json.texts(entry, "vocabulary")));
    }
    List<ModelMetadata.NamedOutput> outputs = new ArrayList<>();
    for (JsonNode entry : node.path("outputs")) {
      outputs.add(new ModelMetadata.NamedOutput(Json.text(entry, "name"), Json.text(entry, "field"),
          Json.constant(entry, "task", Task.class), Json.texts(entry, "classes")));
    }
    return new ModelMetadata(Json.text(node, "deepbuild"), Json.text(node, "model"),
        Json.constant(node, "task", Task.class), Json.texts(node, "classes"),
        InputSchema.read(input), Json.texts(node, "vocabulary"), inputs, outputs);
  }

  private static void strings(ArrayNode array, List<String> values) {
    values.forEach(array::add);
  }
}

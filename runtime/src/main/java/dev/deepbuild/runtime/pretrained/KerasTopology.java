package dev.deepbuild.runtime.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;

/**
 * Rewrites a TensorFlow.js {@code modelTopology} (Keras 2's {@code model.to_json()} under
 * {@code model_config}) into the model JSON DL4J's Keras import reads, for the input size asked:
 * <ul>
 *   <li>the input shape {@code [null, h, w, 3]}, then channels first ({@link ChannelsFirst}), so
 *       that DL4J builds NCHW layers, its fast convolution path;
 *   <li>the padding before each strided convolution as Keras builds it for that size
 *       ({@link CorrectPadding});
 *   <li>ReLU's {@code max_value} as a floating-point number: DL4J's {@code KerasReLU} casts it to
 *       {@code Double}, and the integer {@code 6} would throw {@code ClassCastException};
 *   <li>without the top, the layers after {@code features} dropped and {@code features} the
 *       output. Keras lists a functional model's layers in an order where each follows its inputs,
 *       and every layer of a base before its feature layer feeds it.
 * </ul>
 */
final class KerasTopology {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private KerasTopology() {}

  /**
   * @param features the name of the base's last layer, kept as the output without the top
   * @param where names the file in messages
   * @throws PretrainedFormatException when the topology lacks what is rewritten
   */
  static ObjectNode modelJson(JsonNode modelTopology, int height, int width, boolean includeTop,
      String features, String where) {
    JsonNode modelConfig = modelTopology.path("model_config");
    ObjectNode config = modelConfig.path("config").deepCopy();
    if (!(config.get("layers") instanceof ArrayNode layers) || layers.isEmpty()) {
      throw new PretrainedFormatException(where + ": modelTopology.model_config.config has no layers");
    }
    if (!includeTop) {
      cutAfter(layers, features, where);
      ArrayNode outputs = NODES.arrayNode();
      outputs.addArray().add(features).add(0).add(0);
      config.set("output_layers", outputs);
    }
    CorrectPadding.apply(layers, height, width);
    for (JsonNode layer : layers) {
      ObjectNode layerConfig = (ObjectNode) layer.path("config");
      String kind = layer.path("class_name").asText();
      if (layerConfig.has("batch_input_shape")) {
        ArrayNode shape = NODES.arrayNode();
        shape.addNull().add(height).add(width).add(3);
        layerConfig.set("batch_input_shape", shape);
      }
      if (kind.equals("ReLU") && layerConfig.path("max_value").isNumber()) {
        layerConfig.put("max_value", layerConfig.get("max_value").asDouble());
      }
    }
    ChannelsFirst.apply(layers);
    ObjectNode model = NODES.objectNode();
    model.put("class_name", modelConfig.path("class_name").asText("Model"));
    model.set("config", config);
    model.put("keras_version", modelTopology.path("keras_version").asText("2.2.4"));
    model.put("backend", modelTopology.path("backend").asText("tensorflow"));
    return model;
  }

  private static void cutAfter(ArrayNode layers, String features, String where) {
    int last = -1;
    for (int i = 0; i < layers.size(); i++) {
      if (features.equals(layers.get(i).path("name").asText())) {
        last = i;
      }
    }
    if (last < 0) {
      throw new PretrainedFormatException(where + " has no layer named '" + features
          + "', where the base without its top ends");
    }
    Iterator<JsonNode> kept = layers.elements();
    for (int i = 0; kept.hasNext(); i++) {
      kept.next();
      if (i > last) {
        kept.remove();
      }
    }
  }
}

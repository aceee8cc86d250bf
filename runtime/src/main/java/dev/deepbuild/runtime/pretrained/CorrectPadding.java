package dev.deepbuild.runtime.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;

/**
 * Keras's {@code correct_pad} for the input size asked. {@code keras.applications} pads before each
 * strided "valid" convolution by {@code (k/2 - 1 + size % 2, k/2)} per side pair, from the size of
 * that layer's input, so that it halves sizes rounding up; a saved model keeps the padding of the
 * size it was built at ({@code [[0, 1], [0, 1]]} for 224x224, where every such size is even).
 * Recomputed from the sizes at the new input, an odd size gets {@code [[1, 1], [1, 1]]}, as Keras
 * would build it, and the feature map is {@code ceil(size / 32)} for any size.
 */
final class CorrectPadding {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private CorrectPadding() {}

  /**
   * Rewrites the padding of every {@code ZeroPadding2D} that feeds a strided valid convolution,
   * following each layer's height and width from the input's.
   */
  static void apply(ArrayNode layers, int height, int width) {
    Map<String, int[]> sizes = new HashMap<>();
    Map<String, JsonNode> consumers = new HashMap<>();
    for (JsonNode layer : layers) {
      String from = inbound(layer);
      if (from != null) {
        consumers.putIfAbsent(from, layer);
      }
    }
    for (JsonNode layer : layers) {
      JsonNode config = layer.path("config");
      String name = layer.path("name").asText();
      int[] in = layer.path("class_name").asText().equals("InputLayer") ? new int[] {height, width}
          : sizes.get(inbound(layer));
      if (in == null) {
        continue; // past a Flatten: no longer an image
      }
      int[] out = switch (layer.path("class_name").asText()) {
        case "ZeroPadding2D" -> padded((ObjectNode) config, in, consumers.get(name));
        case "Conv2D", "DepthwiseConv2D" -> window(in, config.path("kernel_size"), config.path("strides"),
            config.path("padding").asText());
        case "AveragePooling2D", "MaxPooling2D" -> window(in, config.path("pool_size"),
            config.path("strides"), config.path("padding").asText());
        case "Flatten", "Dense", "GlobalAveragePooling2D", "GlobalMaxPooling2D" -> null;
        default -> in;
      };
      if (out != null) {
        sizes.put(name, out);
      }
    }
  }

  private static int[] padded(ObjectNode config, int[] in, JsonNode consumer) {
    JsonNode next = consumer == null ? null : consumer.path("config");
    if (next != null && next.path("padding").asText().equals("valid")
        && next.path("strides").path(0).asInt(1) > 1) {
      ArrayNode padding = NODES.arrayNode();
      for (int axis = 0; axis < 2; axis++) {
        int half = next.path("kernel_size").path(axis).asInt() / 2;
        padding.addArray().add(half - 1 + in[axis] % 2).add(half);
      }
      config.set("padding", padding);
    }
    JsonNode padding = config.path("padding");
    return new int[] {in[0] + padding.path(0).path(0).asInt() + padding.path(0).path(1).asInt(),
        in[1] + padding.path(1).path(0).asInt() + padding.path(1).path(1).asInt()};
  }

  private static int[] window(int[] in, JsonNode kernel, JsonNode strides, String padding) {
    int[] out = new int[2];
    for (int axis = 0; axis < 2; axis++) {
      int stride = strides.path(axis).asInt(1);
      out[axis] = padding.equals("same") ? (in[axis] + stride - 1) / stride
          : (in[axis] - kernel.path(axis).asInt()) / stride + 1;
    }
    return out;
  }

  private static String inbound(JsonNode layer) {
    JsonNode first = layer.path("inbound_nodes").path(0).path(0).path(0);
    return first.isTextual() ? first.asText() : null;
  }
}

package dev.deepbuild.runtime.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Rewrites a Keras model's layers from channels last, Keras's default image layout, to channels
 * first, so that DL4J's Keras import builds NCHW layers (its fast convolution path, and the layout
 * of DeepBuild's images and heads) rather than NHWC ones: every {@code data_format}, batch
 * normalization's axis (1, the channels), and each image input's {@code [null, h, w, c]} as
 * {@code [null, c, h, w]}. Convolution kernels are stored alike in both layouts; what a
 * {@code Flatten} gives is not, which the caller handles.
 */
public final class ChannelsFirst {
  private ChannelsFirst() {}

  /** Whether {@code layers} (a Keras {@code config.layers}) take images channels last. */
  public static boolean isChannelsLast(JsonNode layers) {
    boolean images = false;
    boolean channelsLast = false;
    for (JsonNode layer : layers) {
      JsonNode config = layer.path("config");
      images |= config.path("batch_input_shape").size() == 4;
      channelsLast |= config.path("data_format").asText().equals("channels_last");
    }
    return images && channelsLast;
  }

  /** Rewrites {@code layers} in place. */
  public static void apply(ArrayNode layers) {
    for (JsonNode layer : layers) {
      ObjectNode config = (ObjectNode) layer.path("config");
      JsonNode shape = config.path("batch_input_shape");
      if (shape.size() == 4) {
        ArrayNode first = JsonNodeFactory.instance.arrayNode();
        first.add(shape.get(0)).add(shape.get(3)).add(shape.get(1)).add(shape.get(2));
        config.set("batch_input_shape", first);
      }
      if (config.has("data_format")) {
        config.put("data_format", "channels_first");
      }
      if (layer.path("class_name").asText().equals("BatchNormalization")) {
        config.put("axis", 1);
      }
    }
  }
}

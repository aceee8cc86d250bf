package dev.deepbuild.runtime.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.junit.jupiter.api.Test;

/** The padding before a strided convolution follows each layer's input size, as Keras builds it. */
class CorrectPaddingTest {
  private static ArrayNode layers() throws Exception {
    return (ArrayNode) new ObjectMapper().readTree("""
        [{"name": "in", "class_name": "InputLayer", "config": {}, "inbound_nodes": []},
         {"name": "pad1", "class_name": "ZeroPadding2D", "config": {"padding": [[0, 1], [0, 1]]},
          "inbound_nodes": [[["in", 0, 0, {}]]]},
         {"name": "conv1", "class_name": "Conv2D", "config": {"kernel_size": [3, 3], "strides": [2, 2],
          "padding": "valid"}, "inbound_nodes": [[["pad1", 0, 0, {}]]]},
         {"name": "relu", "class_name": "ReLU", "config": {}, "inbound_nodes": [[["conv1", 0, 0, {}]]]},
         {"name": "pad2", "class_name": "ZeroPadding2D", "config": {"padding": [[0, 1], [0, 1]]},
          "inbound_nodes": [[["relu", 0, 0, {}]]]},
         {"name": "conv2", "class_name": "DepthwiseConv2D", "config": {"kernel_size": [3, 3],
          "strides": [2, 2], "padding": "valid"}, "inbound_nodes": [[["pad2", 0, 0, {}]]]}]
        """);
  }

  @Test
  void evenSizesKeepThePaddingOf224AndOddOnesArePaddedOnBothSides() throws Exception {
    ArrayNode layers = layers();

    CorrectPadding.apply(layers, 32, 33);

    // 32 and 33 in, then 16 and 17 into the second.
    assertEquals("[[0,1],[1,1]]", layers.get(1).path("config").path("padding").toString());
    assertEquals("[[0,1],[1,1]]", layers.get(4).path("config").path("padding").toString());
  }

  @Test
  void sizesAreHalvedRoundingUp() throws Exception {
    ArrayNode layers = layers();

    CorrectPadding.apply(layers, 50, 50);

    // 50 halves to 25 (even: [0, 1]), 25 to 13 (odd: [1, 1]).
    assertEquals("[[0,1],[0,1]]", layers.get(1).path("config").path("padding").toString());
    assertEquals("[[1,1],[1,1]]", layers.get(4).path("config").path("padding").toString());
  }
}

package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras flattens an image saved channels last as height, width, channels; imported channels first,
 * DL4J flattens it as channels, height, width. The kernel of each Dense layer such a Flatten feeds
 * has its rows reordered to match, so that the base computes what Keras computed.
 */
final class FlattenedImages {
  /** Layers that pass a flattened vector on element for element. */
  private static final Set<String> PASSING = Set.of("Dropout", "Activation", "AlphaDropout",
      "GaussianDropout", "GaussianNoise", "ReLU", "LeakyReLU", "ELU", "ThresholdedReLU", "Softmax");

  private FlattenedImages() {}

  /**
   * @throws InvalidInputException when a Flatten of an image feeds a layer with weights other
   *     than a Dense, whose weights would be in Keras's order
   */
  static void reorderKernels(KerasModel keras, ComputationGraph graph, String where) {
    Map<String, KerasLayer> layers = keras.getLayers();
    for (KerasLayer flatten : layers.values()) {
      if (flatten.getClassName().equals("Flatten") && flatten.getInboundLayerNames().size() == 1
          && keras.getOutputTypes().get(flatten.getInboundLayerNames().get(0))
              instanceof InputType.InputTypeConvolutional image) {
        reorderAfter(flatten.getLayerName(), flatten.getLayerName(), image, layers, graph, where);
      }
    }
  }

  private static void reorderAfter(String flatten, String from,
      InputType.InputTypeConvolutional image, Map<String, KerasLayer> layers,
      ComputationGraph graph, String where) {
    for (KerasLayer next : layers.values()) {
      if (!next.getInboundLayerNames().contains(from)) {
        continue;
      }
      if (next.getClassName().equals("Dense")) {
        reorder(graph.getLayer(next.getLayerName()), image);
      } else if (PASSING.contains(next.getClassName())) {
        reorderAfter(flatten, next.getLayerName(), image, layers, graph, where);
      } else {
        throw new InvalidInputException(where + " flattens an image at '" + flatten + "' into '"
            + next.getLayerName() + "' (" + next.getClassName() + "): Keras flattens it channels"
            + " last and DeepBuild's images are channels first, which this version reconciles for"
            + " a Dense layer only. Save the base without the layers after the Flatten"
            + " (keras.Model(base.input, base.get_layer(\"" + flatten + "\").output)), or end it"
            + " at a convolution or pooling layer and flatten in the head.");
      }
    }
  }

  /** Rows (h, w, c), Keras's order, to (c, h, w), the order of DL4J's NCHW flattening. */
  private static void reorder(Layer dense, InputType.InputTypeConvolutional image) {
    INDArray kernel = dense.getParam("W");
    long height = image.getHeight();
    long width = image.getWidth();
    long channels = image.getChannels();
    INDArray reordered = kernel.reshape('c', height, width, channels, kernel.size(1))
        .permute(2, 0, 1, 3).dup('c').reshape('c', kernel.size(0), kernel.size(1));
    dense.setParam("W", reordered);
  }
}

package dev.deepbuild.runtime.network;

import dev.deepbuild.summary.LayerTable;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;

/** DL4J's activation types as the summaries print them, in Keras's notation. */
final class Shapes {
  private Shapes() {}

  /** {@code (None, 64)} for a feature vector, channels last for an image, as Keras prints. */
  static String keras(InputType type) {
    return switch (type.getType()) {
      case FF -> LayerTable.vector(((InputType.InputTypeFeedForward) type).getSize());
      case RNN -> {
        InputType.InputTypeRecurrent recurrent = (InputType.InputTypeRecurrent) type;
        yield "(None, " + (recurrent.getTimeSeriesLength() > 0
            ? Long.toString(recurrent.getTimeSeriesLength()) : "None") + ", "
            + recurrent.getSize() + ")";
      }
      case CNN -> {
        InputType.InputTypeConvolutional image = (InputType.InputTypeConvolutional) type;
        yield "(None, " + image.getHeight() + ", " + image.getWidth() + ", " + image.getChannels()
            + ")";
      }
      default -> LayerTable.vector(type.arrayElementsPerExample());
    };
  }

  /** Whether training leaves the layer's parameters as they are. */
  static boolean frozen(Layer layer) {
    return layer instanceof FrozenLayer || layer instanceof FrozenLayerWithBackprop;
  }
}

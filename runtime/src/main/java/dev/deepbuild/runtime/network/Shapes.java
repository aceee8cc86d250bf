package dev.deepbuild.runtime.network;

import dev.deepbuild.summary.LayerTable;
import java.util.Optional;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.conf.preprocessor.FeedForwardToCnnPreProcessor;
import org.nd4j.linalg.learning.config.NoOp;

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

  /**
   * The image an input is, from the preprocessor of the layer or vertex that takes it, which holds
   * its size (DL4J keeps no input type): {@code InputType.convolutionalFlat}'s, which makes the
   * image, or {@code convolutional}'s before a flatten. Empty for any other preprocessor or none.
   */
  static Optional<InputType.InputTypeConvolutional> image(InputPreProcessor preprocessor) {
    if (preprocessor instanceof FeedForwardToCnnPreProcessor toImage) {
      return Optional.of(image(toImage.getInputHeight(), toImage.getInputWidth(),
          toImage.getNumChannels()));
    }
    if (preprocessor instanceof CnnToFeedForwardPreProcessor fromImage) {
      return Optional.of(image(fromImage.getInputHeight(), fromImage.getInputWidth(),
          fromImage.getNumChannels()));
    }
    return Optional.empty();
  }

  /**
   * The type of an input {@code width} values wide that the preprocessor takes: an image when
   * it flattens one, as its own type check needs, else a feature vector, which DL4J's other
   * preprocessors reshape.
   */
  static InputType given(InputPreProcessor preprocessor, int width) {
    return preprocessor instanceof CnnToFeedForwardPreProcessor
        ? image(preprocessor).orElseThrow() : InputType.feedForward(width);
  }

  private static InputType.InputTypeConvolutional image(long height, long width, long channels) {
    return (InputType.InputTypeConvolutional) InputType.convolutional(height, width, channels);
  }

  /**
   * How many of the layer's parameters training updates by their gradient, as Keras's
   * "Trainable params" counts them: none of a frozen layer's, and not those DL4J gives no updater,
   * such as batch normalization's moving mean and variance.
   */
  static long trainableParams(org.deeplearning4j.nn.api.Layer layer) {
    Layer conf = layer.conf().getLayer();
    if (frozen(conf)) {
      return 0;
    }
    return layer.paramTable().entrySet().stream()
        .filter(param -> !(conf.getUpdaterByParam(param.getKey()) instanceof NoOp))
        .mapToLong(param -> param.getValue().length())
        .sum();
  }

  /** Whether training leaves the layer's parameters as they are. */
  static boolean frozen(Layer layer) {
    return layer instanceof FrozenLayer || layer instanceof FrozenLayerWithBackprop;
  }
}

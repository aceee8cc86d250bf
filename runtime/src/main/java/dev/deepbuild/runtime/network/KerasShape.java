package dev.deepbuild.runtime.network;

import java.util.List;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * A DL4J activation type as the shape Keras and {@code @Pretrained(outputShape = ...)} write,
 * without the batch and channels last: {@code {6}}, {@code {10, 32}}, {@code {4, 4, 512}}.
 */
final class KerasShape {
  private KerasShape() {}

  static List<Integer> of(InputType type) {
    return switch (type.getType()) {
      case FF -> List.of((int) ((InputType.InputTypeFeedForward) type).getSize());
      case RNN -> {
        InputType.InputTypeRecurrent recurrent = (InputType.InputTypeRecurrent) type;
        yield List.of((int) recurrent.getTimeSeriesLength(), (int) recurrent.getSize());
      }
      case CNN -> {
        InputType.InputTypeConvolutional image = (InputType.InputTypeConvolutional) type;
        yield List.of((int) image.getHeight(), (int) image.getWidth(), (int) image.getChannels());
      }
      case CNNFlat -> {
        InputType.InputTypeConvolutionalFlat image = (InputType.InputTypeConvolutionalFlat) type;
        yield List.of((int) image.getHeight(), (int) image.getWidth(), (int) image.getDepth());
      }
      case CNN3D -> {
        InputType.InputTypeConvolutional3D volume = (InputType.InputTypeConvolutional3D) type;
        yield List.of((int) volume.getDepth(), (int) volume.getHeight(), (int) volume.getWidth(),
            (int) volume.getChannels());
      }
    };
  }

  /** As the annotation writes it: {@code {4, 4, 512}}. */
  static String braces(List<Integer> shape) {
    return shape.stream().map(String::valueOf).collect(Collectors.joining(", ", "{", "}"));
  }
}

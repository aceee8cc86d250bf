package dev.deepbuild.processor.model;

import java.util.Objects;

/**
 * One layer of a sequential network, with the shapes it takes and gives.
 *
 * @param name the layer's field name, which also names the layer in DL4J
 * @param options what the layer's annotation states
 * @param inputShape the shape of the layer's input: the previous layer's output, or the data's
 *     features for the first layer
 * @param outputShape the shape of the layer's output
 * @param parameters the number of trainable parameters
 */
public record LayerDescription(
    String name, LayerOptions options, Shape inputShape, Shape outputShape, Size parameters) {

  public LayerDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(inputShape, "inputShape");
    Objects.requireNonNull(outputShape, "outputShape");
    Objects.requireNonNull(parameters, "parameters");
  }

  /**
   * A layer fed with an input of the given shape; its output shape and parameters follow.
   *
   * @throws IllegalArgumentException when the layer cannot take an input of this shape
   */
  public static LayerDescription of(String name, LayerOptions options, Shape inputShape) {
    return new LayerDescription(
        name, options, inputShape, options.outputShape(inputShape),
        options.parameters(inputShape));
  }

  public LayerKind kind() {
    return options.kind();
  }
}

package dev.deepbuild.processor.model;

import java.util.Objects;

/**
 * One layer of a sequential network, with the shapes it takes and gives.
 *
 * @param name the layer's field name, which also names the layer in DL4J
 * @param options what the layer's annotation states
 * @param inputSize the size of the layer's input: the previous layer's output, or the data's
 *     feature count for the first layer
 * @param outputSize the size of the layer's output
 * @param parameters the number of trainable parameters
 */
public record LayerDescription(
    String name, LayerOptions options, Size inputSize, Size outputSize, Size parameters) {

  public LayerDescription {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(options, "options");
    Objects.requireNonNull(inputSize, "inputSize");
    Objects.requireNonNull(outputSize, "outputSize");
    Objects.requireNonNull(parameters, "parameters");
  }

  /** A layer fed with an input of the given size; its output size and parameters follow. */
  public static LayerDescription of(String name, LayerOptions options, Size inputSize) {
    return new LayerDescription(
        name, options, inputSize, options.outputSize(inputSize), options.parameters(inputSize));
  }

  public LayerKind kind() {
    return options.kind();
  }
}

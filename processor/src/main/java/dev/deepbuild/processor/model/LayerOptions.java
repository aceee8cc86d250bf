package dev.deepbuild.processor.model;

import java.util.Optional;

/**
 * What a layer annotation states about its layer. Each kind knows which input shapes it takes and
 * how it transforms them, so shapes are inferred and checked along the network.
 */
public sealed interface LayerOptions permits DenseOptions, DropoutOptions, CustomOptions,
    PretrainedOptions {

  LayerKind kind();

  /** Whether it joins two or more inputs, as a functional model's vertex, rather than one. */
  default boolean joinsSeveral() {
    return false;
  }

  /**
   * The shape of the layer's output.
   *
   * @throws IllegalArgumentException when the layer cannot take an input of this shape
   */
  Shape outputShape(Shape input);

  /** Whether training updates its parameters: not those of a frozen pretrained base. */
  default boolean trains() {
    return true;
  }

  /** The pretrained base it is, if it is one: the first layer of a model on a base. */
  default Optional<PretrainedOptions> pretrainedBase() {
    return Optional.empty();
  }

  /** The number of trainable parameters. */
  Size parameters(Shape input);

  /** Calls the visitor's method for this kind of layer. */
  <R> R accept(Visitor<R> visitor);

  /**
   * One method per kind of layer, for what is not the layer's own to know, such as the code that
   * builds it: a new kind adds a method, and every visitor stops compiling until it handles it.
   */
  interface Visitor<R> {
    R dense(DenseOptions dense);

    R dropout(DropoutOptions dropout);

    R custom(CustomOptions custom);

    R pretrained(PretrainedOptions pretrained);
  }
}

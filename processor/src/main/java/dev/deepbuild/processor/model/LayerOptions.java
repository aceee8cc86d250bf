package dev.deepbuild.processor.model;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * What a layer annotation states about its layer. Each kind knows which input shapes it takes and
 * how it transforms them, so shapes are inferred and checked along the network.
 */
public sealed interface LayerOptions
    permits DenseOptions, DropoutOptions, CustomOptions, Conv2DOptions, Pooling2DOptions,
        GlobalPooling2DOptions, FlattenOptions, BatchNormalizationOptions, PretrainedOptions {

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

  /**
   * How many layers of the network as it runs this is, as {@code @Pretrained(trainable = N)}
   * counts a base's top layers: one, but none for a flatten (DL4J reshapes the next layer's input)
   * and all of a pretrained base's kept layers; empty where the compiler cannot know (a Keras
   * file).
   */
  default OptionalInt networkLayers() {
    return OptionalInt.of(1);
  }

  /** The pretrained base it is, if it is one: the first layer of a model on a base. */
  default Optional<PretrainedOptions> pretrainedBase() {
    return Optional.empty();
  }

  /** The number of parameters, as Keras's summary counts them: trainable or not. */
  Size parameters(Shape input);

  /**
   * How many of the parameters training does not update by their gradient, such as batch
   * normalization's moving statistics: Keras's "Non-trainable params".
   */
  default Size nonTrainableParameters(Shape input) {
    return Size.of(0);
  }

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

    R conv2d(Conv2DOptions conv);

    R pooling2d(Pooling2DOptions pooling);

    R globalPooling2d(GlobalPooling2DOptions pooling);

    R flatten(FlattenOptions flatten);

    R batchNormalization(BatchNormalizationOptions normalization);

    R pretrained(PretrainedOptions pretrained);
  }
}

package dev.deepbuild.processor.model;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A {@code @Pretrained} base, the first layer of its model: the layers after it are the head.
 *
 * @param source where the base comes from, with the shapes it takes and gives
 * @param parameters the base's parameters as far as they are known at compile time (another
 *     model's, from its layers; 0 for a file or the catalog, which the runtime reads)
 * @param layers how many layers of the network as it runs it keeps, as {@code trainable} counts
 *     them; empty for a file, which the compiler cannot read
 * @param trainable how many of its top layers train with the head; 0 freezes it
 * @param fineTuneLearningRate their learning rate, NaN for the model's
 */
public record PretrainedOptions(PretrainedSource source, Size parameters, OptionalInt layers,
    int trainable, double fineTuneLearningRate) implements LayerOptions {

  public PretrainedOptions {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(layers, "layers");
    if (trainable < 0) {
      throw new IllegalArgumentException("trainable is 0 or more: " + trainable);
    }
  }

  @Override
  public LayerKind kind() {
    return LayerKind.PRETRAINED;
  }

  @Override
  public Shape outputShape(Shape input) {
    return source.outputShape(input);
  }

  @Override
  public OptionalInt networkLayers() {
    return layers;
  }

  @Override
  public Size parameters(Shape input) {
    return parameters;
  }

  /** A frozen base's parameters stay as they were trained; a fine-tuned one's train too. */
  @Override
  public boolean trains() {
    return trainable > 0;
  }

  @Override
  public Optional<PretrainedOptions> pretrainedBase() {
    return Optional.of(this);
  }

  /** Whether the base's learning rate is the model's own. */
  public boolean fineTunesAtModelRate() {
    return Double.isNaN(fineTuneLearningRate);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.pretrained(this);
  }
}

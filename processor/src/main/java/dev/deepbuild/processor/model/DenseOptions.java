package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Activation;
import java.util.Objects;

/** A {@code @Dense} layer: {@code activation(input · kernel + bias)}. */
public record DenseOptions(int units, Activation activation) implements LayerOptions {

  public DenseOptions {
    if (units <= 0) {
      throw new IllegalArgumentException("units must be positive: " + units);
    }
    Objects.requireNonNull(activation, "activation");
  }

  @Override
  public LayerKind kind() {
    return LayerKind.DENSE;
  }

  @Override
  public Size outputSize(Size input) {
    return Size.of(units);
  }

  /** A kernel of {@code input × units} weights and one bias per unit. */
  @Override
  public Size parameters(Size input) {
    return input.times(units).plus(units);
  }
}

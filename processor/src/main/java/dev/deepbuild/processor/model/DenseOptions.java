package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Activation;
import java.util.Objects;

/**
 * A {@code @Dense} layer: {@code activation(input · kernel + bias)}.
 *
 * @param units the size of the output
 * @param activation the activation of the output
 * @param regularizer the penalty on the kernel: the layer's own factors, else the class's
 *     {@code @Regularization}'s, else none
 * @param maxNorm the largest L2 norm of each unit's incoming weights, as Keras's
 *     {@code MaxNorm(maxNorm)}; 0 for no constraint
 */
public record DenseOptions(
    int units, Activation activation, KernelRegularizer regularizer, double maxNorm)
    implements LayerOptions {

  public DenseOptions {
    if (units <= 0) {
      throw new IllegalArgumentException("units must be positive: " + units);
    }
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(regularizer, "regularizer");
    if (!(maxNorm >= 0 && Double.isFinite(maxNorm))) {
      throw new IllegalArgumentException("maxNorm must be finite and 0 or more: " + maxNorm);
    }
  }

  /** A layer with neither a penalty nor a constraint on its weights. */
  public DenseOptions(int units, Activation activation) {
    this(units, activation, KernelRegularizer.NONE, 0);
  }

  public boolean hasMaxNorm() {
    return maxNorm > 0;
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

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dense(this);
  }
}

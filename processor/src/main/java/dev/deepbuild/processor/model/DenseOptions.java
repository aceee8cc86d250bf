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

  /** A vector of {@code units} values. */
  @Override
  public Shape outputShape(Shape input) {
    features(input);
    return Shape.vector(units);
  }

  /** A kernel of {@code input × units} weights and one bias per unit. */
  @Override
  public Size parameters(Shape input) {
    return features(input).times(units).plus(units);
  }

  /**
   * The width of the feature vector a dense layer takes, as DL4J's {@code DenseLayer} does: a
   * sequence or an image needs flattening first, which no layer of the DSL does yet.
   */
  private static Size features(Shape input) {
    return input.accept(new Shape.Visitor<Size>() {
      @Override
      public Size vector(Shape.Vector vector) {
        return vector.features();
      }

      @Override
      public Size sequence(Shape.Sequence sequence) {
        throw notAVector(sequence);
      }

      @Override
      public Size image(Shape.Image image) {
        throw notAVector(image);
      }
    });
  }

  private static IllegalArgumentException notAVector(Shape input) {
    return new IllegalArgumentException(
        "a dense layer takes a feature vector, not " + input.keras());
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dense(this);
  }
}

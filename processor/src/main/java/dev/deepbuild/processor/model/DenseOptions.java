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
   * The width of the feature vector a dense layer takes, as DL4J's {@code DenseLayer} does: an
   * image needs flattening or global pooling first.
   */
  private static Size features(Shape input) {
    return input.accept(new Shape.Visitor<Size>() {
      @Override
      public Size vector(Shape.Vector vector) {
        return vector.features();
      }

      @Override
      public Size sequence(Shape.Sequence sequence) {
        throw new ShapeMismatch("Dense takes a vector but gets " + sequence.keras(),
            "Choose a layer that takes a sequence, or a vectorization that gives a vector.");
      }

      @Override
      public Size image(Shape.Image image) {
        throw new ShapeMismatch("Dense takes a vector but gets " + image.keras(),
            "Add @Flatten or @GlobalAveragePooling2D before it.");
      }
    });
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dense(this);
  }
}

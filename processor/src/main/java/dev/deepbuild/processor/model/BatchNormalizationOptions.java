package dev.deepbuild.processor.model;

/**
 * A {@code @BatchNormalization} layer over an image's channels or a vector's features.
 *
 * @param momentum the fraction of the moving mean and variance each batch keeps, in [0, 1)
 * @param epsilon added to the variance, positive
 */
public record BatchNormalizationOptions(double momentum, double epsilon) implements LayerOptions {

  /** Scale, shift, moving mean and moving variance, per channel. */
  private static final int PER_CHANNEL = 4;

  /** The moving mean and variance, which Keras counts as non-trainable. */
  private static final int MOVING_PER_CHANNEL = 2;

  public BatchNormalizationOptions {
    if (!validMomentum(momentum)) {
      throw new IllegalArgumentException("momentum must be in [0, 1): " + momentum);
    }
    if (!validEpsilon(epsilon)) {
      throw new IllegalArgumentException("epsilon must be positive and finite: " + epsilon);
    }
  }

  public static boolean validMomentum(double momentum) {
    return momentum >= 0 && momentum < 1;
  }

  public static boolean validEpsilon(double epsilon) {
    return epsilon > 0 && Double.isFinite(epsilon);
  }

  @Override
  public LayerKind kind() {
    return LayerKind.BATCH_NORMALIZATION;
  }

  /** The input's shape: each value is normalized in place. */
  @Override
  public Shape outputShape(Shape input) {
    channels(input);
    return input;
  }

  /** Four per channel, as both Keras and DL4J count them. */
  @Override
  public Size parameters(Shape input) {
    return channels(input).times(PER_CHANNEL);
  }

  /** The moving mean and variance: updated from batches, not by the gradient. */
  @Override
  public Size nonTrainableParameters(Shape input) {
    return channels(input).times(MOVING_PER_CHANNEL);
  }

  /** What is normalized separately: an image's channels, a vector's features. */
  private static Size channels(Shape input) {
    return input.accept(new Shape.Visitor<Size>() {
      @Override
      public Size vector(Shape.Vector vector) {
        return vector.features();
      }

      @Override
      public Size sequence(Shape.Sequence sequence) {
        throw new ShapeMismatch(
            "BatchNormalization takes an image or a vector but gets " + sequence.keras(),
            "Normalize the image or vector before it is made a sequence.");
      }

      @Override
      public Size image(Shape.Image image) {
        return Size.of(image.channels());
      }
    });
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.batchNormalization(this);
  }
}

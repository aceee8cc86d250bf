package dev.deepbuild.runtime.model;

/**
 * Pixel scaling as {@code @Rescaling} says: every value becomes {@code value * scale + offset},
 * in every split alike, as Keras's {@code layers.Rescaling}: {@code RescalingSpec.scale(1 / 255.0)}.
 *
 * @param scale what each value is multiplied by
 * @param offset what is added after
 */
public record RescalingSpec(double scale, double offset) {
  /** Values as they are read (0-255 for images): what a model without {@code @Rescaling} gets. */
  public static final RescalingSpec NONE = new RescalingSpec(1, 0);

  public RescalingSpec {
    if (!Double.isFinite(scale) || !Double.isFinite(offset)) {
      throw new IllegalArgumentException("a rescaling is finite: scale " + scale + ", offset "
          + offset);
    }
  }

  /** Multiplies by {@code scale}, with no offset. */
  public static RescalingSpec scale(double scale) {
    return new RescalingSpec(scale, 0);
  }

  public RescalingSpec offset(double offset) {
    return new RescalingSpec(scale, offset);
  }
}

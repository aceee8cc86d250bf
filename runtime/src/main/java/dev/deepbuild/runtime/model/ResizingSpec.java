package dev.deepbuild.runtime.model;

/**
 * Image resizing as {@code @Resizing} says: every image of every split is resized bilinearly to
 * {@code height} x {@code width} once when it is read, as Keras's {@code layers.Resizing}:
 * {@code ResizingSpec.to(96, 96)}. The network takes images of this size.
 */
public record ResizingSpec(int height, int width) {
  public ResizingSpec {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("a resizing is to a positive size: " + height + "x"
          + width);
    }
  }

  /** Resizes to {@code height} x {@code width} pixels. */
  public static ResizingSpec to(int height, int width) {
    return new ResizingSpec(height, width);
  }
}

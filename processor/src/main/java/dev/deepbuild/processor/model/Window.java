package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Padding;

/**
 * A window's or a stride's size in pixels, height then width: a convolution's kernel, a pooling
 * window, or the step between their positions.
 */
public record Window(int height, int width) {

  public Window {
    if (height < 1 || width < 1) {
      throw new IllegalArgumentException("a window is positive: " + height + " x " + width);
    }
  }

  /** One value for a square, or {@code {height, width}}, as Keras's {@code kernel_size}. */
  public static Window of(int[] values) {
    if (values.length == 1) {
      return new Window(values[0], values[0]);
    }
    if (values.length == 2) {
      return new Window(values[0], values[1]);
    }
    throw new IllegalArgumentException("one or two values: " + values.length);
  }

  public boolean isSquare() {
    return height == width;
  }

  /**
   * The image that windows of this size, stepping by {@code strides}, give over {@code input},
   * with {@code channels} channels.
   *
   * @param layer the layer's Keras type, for the message
   * @param member the annotation's value that sets this window, for the message
   * @throws ShapeMismatch when no window fits along a side
   */
  public Shape.Image over(Shape.Image input, Window strides, Padding padding, long channels,
      String layer, String member) {
    long height = padding.outputSize(input.height(), this.height, strides.height());
    long width = padding.outputSize(input.width(), this.width, strides.width());
    if (height < 1 || width < 1) {
      throw new ShapeMismatch(
          layer + "'s " + this + " window is larger than its input " + input.keras()
              + ", so padding = VALID leaves nothing",
          "Take a window of at most (" + input.height() + ", " + input.width() + "), padding ="
              + " SAME, or fewer downsampling layers before it.",
          member);
    }
    return new Shape.Image(height, width, channels);
  }

  /** As Keras writes it: {@code (3, 3)}. */
  @Override
  public String toString() {
    return "(" + height + ", " + width + ")";
  }
}

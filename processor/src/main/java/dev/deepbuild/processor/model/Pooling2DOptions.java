package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Padding;
import java.util.Objects;

/**
 * A {@code @MaxPooling2D} or {@code @AveragePooling2D} layer: each channel downsampled by its
 * windows' largest value or mean.
 *
 * @param pooling what a window keeps
 * @param pool the window's size
 * @param strides the step between windows: Keras's default is the window's size
 * @param padding whether a partial window at the edges counts
 */
public record Pooling2DOptions(PoolingKind pooling, Window pool, Window strides, Padding padding)
    implements LayerOptions {

  public Pooling2DOptions {
    Objects.requireNonNull(pooling, "pooling");
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(strides, "strides");
    Objects.requireNonNull(padding, "padding");
  }

  @Override
  public LayerKind kind() {
    return LayerKind.POOLING2D;
  }

  /** An image of the input's channels, one pixel per window. */
  @Override
  public Shape outputShape(Shape input) {
    Shape.Image image = Images.image(input, pooling.keras());
    return pool.over(image, strides, padding, image.channels(), pooling.keras(),
        "value");
  }

  @Override
  public Size parameters(Shape input) {
    Images.image(input, pooling.keras());
    return Size.of(0);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.pooling2d(this);
  }
}

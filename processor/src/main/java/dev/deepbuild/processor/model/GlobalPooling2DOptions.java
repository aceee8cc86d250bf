package dev.deepbuild.processor.model;

import java.util.Objects;

/**
 * A {@code @GlobalAveragePooling2D} or {@code @GlobalMaxPooling2D} layer: each channel's mean or
 * largest value over the whole image, a vector of the channels.
 */
public record GlobalPooling2DOptions(PoolingKind pooling) implements LayerOptions {

  public GlobalPooling2DOptions {
    Objects.requireNonNull(pooling, "pooling");
  }

  @Override
  public LayerKind kind() {
    return LayerKind.GLOBAL_POOLING2D;
  }

  /** A vector of the image's channels. */
  @Override
  public Shape outputShape(Shape input) {
    return Shape.vector(Images.image(input, pooling.kerasGlobal()).channels());
  }

  @Override
  public Size parameters(Shape input) {
    Images.image(input, pooling.kerasGlobal());
    return Size.of(0);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.globalPooling2d(this);
  }
}

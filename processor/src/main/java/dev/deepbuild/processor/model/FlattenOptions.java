package dev.deepbuild.processor.model;

import java.util.OptionalInt;

/** A {@code @Flatten} layer: an image's values as one vector. */
public record FlattenOptions() implements LayerOptions {

  @Override
  public LayerKind kind() {
    return LayerKind.FLATTEN;
  }

  /** A vector of height × width × channels values. */
  @Override
  public Shape outputShape(Shape input) {
    return Shape.vector(Images.image(input, "Flatten").size());
  }

  /** A reshaping of the next layer's input, not a layer of its own. */
  @Override
  public OptionalInt networkLayers() {
    return OptionalInt.of(0);
  }

  @Override
  public Size parameters(Shape input) {
    Images.image(input, "Flatten");
    return Size.of(0);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.flatten(this);
  }
}

package dev.deepbuild.processor.model;

/**
 * A {@code @Dropout} layer.
 *
 * @param rate the fraction of inputs dropped during training, in [0, 1), as in Keras
 */
public record DropoutOptions(double rate) implements LayerOptions {

  public DropoutOptions {
    if (!(rate >= 0 && rate < 1)) {
      throw new IllegalArgumentException("rate must be in [0, 1): " + rate);
    }
  }

  @Override
  public LayerKind kind() {
    return LayerKind.DROPOUT;
  }

  /** Any shape, passed through: dropout zeroes values, it does not move them. */
  @Override
  public Shape outputShape(Shape input) {
    return input;
  }

  @Override
  public Size parameters(Shape input) {
    return Size.of(0);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.dropout(this);
  }
}

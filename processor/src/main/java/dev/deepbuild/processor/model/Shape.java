package dev.deepbuild.processor.model;

import dev.deepbuild.summary.LayerTable;
import java.util.Objects;

/**
 * The shape of one sample as it flows between layers, without the batch dimension: a feature
 * vector, a sequence of feature vectors, or an image. Each layer kind says which shapes it takes
 * and what it gives, so shapes are inferred and checked layer by layer. A dimension is a
 * {@link Size}, so a CSV table's feature count can stay symbolic until run time.
 */
public sealed interface Shape {

  /** A CSV table's row of features, whose width is found when the table is read. */
  Shape INPUTS = new Vector(Size.INPUTS);

  /** A vector of {@code features} values, Keras's {@code (None, features)}. */
  static Shape vector(Size features) {
    return new Vector(features);
  }

  static Shape vector(long features) {
    return new Vector(Size.of(features));
  }

  /** The number of values in one sample. */
  Size size();

  /** Whether every dimension is known at compile time. */
  default boolean isKnown() {
    return size().isKnown();
  }

  /** The shape in Keras's notation, with {@code None} for the batch, such as {@code (None, 16)}. */
  String keras();

  /** Calls the visitor's method for this kind of shape. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of shape, for what a layer does with it. */
  interface Visitor<R> {
    R vector(Vector vector);

    R sequence(Sequence sequence);

    R image(Image image);
  }

  /** A feature vector, what a dense layer takes and gives. */
  record Vector(Size features) implements Shape {
    public Vector {
      Objects.requireNonNull(features, "features");
    }

    @Override
    public Size size() {
      return features;
    }

    @Override
    public String keras() {
      return features.isKnown() ? LayerTable.vector(features.value()) : "(None, " + features + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.vector(this);
    }
  }

  /** A sequence of {@code length} steps of {@code features} values each. */
  record Sequence(long length, Size features) implements Shape {
    public Sequence {
      if (length < 1) {
        throw new IllegalArgumentException("a sequence has at least one step: " + length);
      }
      Objects.requireNonNull(features, "features");
    }

    @Override
    public Size size() {
      return features.times(length);
    }

    @Override
    public String keras() {
      return "(None, " + length + ", " + features + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.sequence(this);
    }
  }

  /** An image of {@code height × width} pixels of {@code channels} values, channels last. */
  record Image(long height, long width, long channels) implements Shape {
    public Image {
      if (height < 1 || width < 1 || channels < 1) {
        throw new IllegalArgumentException(
            "an image has positive dimensions: " + height + " x " + width + " x " + channels);
      }
    }

    @Override
    public Size size() {
      return Size.of(Math.multiplyExact(Math.multiplyExact(height, width), channels));
    }

    @Override
    public String keras() {
      return "(None, " + height + ", " + width + ", " + channels + ")";
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.image(this);
    }
  }
}

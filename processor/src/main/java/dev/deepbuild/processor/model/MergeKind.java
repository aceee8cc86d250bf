package dev.deepbuild.processor.model;

import java.util.List;

/** The ways a functional model merges layers, one per merge annotation, as Keras's merge layers. */
public enum MergeKind {
  /** Features end to end: Keras's {@code Concatenate}, DL4J's {@code MergeVertex}. */
  CONCATENATE("Concatenate"),
  ADD("Add"),
  AVERAGE("Average"),
  MULTIPLY("Multiply"),
  MAXIMUM("Maximum");

  private final String keras;

  MergeKind(String keras) {
    this.keras = keras;
  }

  /** The Keras layer's name, which is the annotation's: {@code Concatenate}. */
  public String keras() {
    return keras;
  }

  /**
   * The shape the merge gives for inputs of these shapes: concatenated vectors add up their
   * features, concatenated images of one height and width their channels (DL4J's
   * {@code MergeVertex} joins dimension 1, the channels of NCHW); element-wise merges keep the
   * one shape all inputs have.
   *
   * @throws IllegalArgumentException when the shapes cannot be merged so, saying why
   */
  public Shape merge(List<Shape> inputs) {
    if (this == CONCATENATE) {
      return inputs.get(0) instanceof Shape.Image ? concatenateImages(inputs)
          : concatenateVectors(inputs);
    }
    Shape first = inputs.get(0);
    for (Shape input : inputs.subList(1, inputs.size())) {
      if (!input.equals(first)) {
        throw new IllegalArgumentException(keras + " combines inputs of one shape element by"
            + " element, and they are " + String.join(" and ",
                inputs.stream().map(Shape::keras).toList()));
      }
    }
    return first;
  }

  private static Shape concatenateVectors(List<Shape> inputs) {
    Size features = Size.of(0);
    for (Shape input : inputs) {
      if (!(input instanceof Shape.Vector vector)) {
        throw new IllegalArgumentException("Concatenate joins feature vectors, or images of one"
            + " height and width, and the inputs are " + keras(inputs));
      }
      features = features.isKnown() && vector.features().isKnown()
          ? Size.of(features.value() + vector.features().value())
          : Size.INPUTS;
    }
    return Shape.vector(features);
  }

  private static Shape concatenateImages(List<Shape> inputs) {
    Shape.Image first = (Shape.Image) inputs.get(0);
    long channels = 0;
    for (Shape input : inputs) {
      if (!(input instanceof Shape.Image image && image.height() == first.height()
          && image.width() == first.width())) {
        throw new IllegalArgumentException("Concatenate joins images of one height and width"
            + " along their channels, and the inputs are " + keras(inputs));
      }
      channels += image.channels();
    }
    return new Shape.Image(first.height(), first.width(), channels);
  }

  private static String keras(List<Shape> inputs) {
    return String.join(" and ", inputs.stream().map(Shape::keras).toList());
  }
}

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
   * features; element-wise merges keep the one shape all inputs have.
   *
   * @throws IllegalArgumentException when the shapes cannot be merged so, saying why
   */
  public Shape merge(List<Shape> inputs) {
    if (this == CONCATENATE) {
      Size features = Size.of(0);
      for (Shape input : inputs) {
        if (!(input instanceof Shape.Vector vector)) {
          throw new IllegalArgumentException("Concatenate joins feature vectors, and one input is "
              + input.keras());
        }
        features = features.isKnown() && vector.features().isKnown()
            ? Size.of(features.value() + vector.features().value())
            : Size.INPUTS;
      }
      return Shape.vector(features);
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
}

package dev.deepbuild.processor.model;

/** What the image layers share: each takes an image, and says so when given something else. */
final class Images {

  private Images() {}

  /**
   * The input as an image.
   *
   * @param layer the layer's Keras type, such as {@code Conv2D}, for the message
   * @throws ShapeMismatch when the input is a vector or a sequence
   */
  static Shape.Image image(Shape input, String layer) {
    return input.accept(new Shape.Visitor<Shape.Image>() {
      @Override
      public Shape.Image vector(Shape.Vector vector) {
        throw notAnImage(layer, vector);
      }

      @Override
      public Shape.Image sequence(Shape.Sequence sequence) {
        throw notAnImage(layer, sequence);
      }

      @Override
      public Shape.Image image(Shape.Image image) {
        return image;
      }
    });
  }

  private static ShapeMismatch notAnImage(String layer, Shape input) {
    return new ShapeMismatch(
        layer + " takes an image (None, height, width, channels) but gets " + input.keras(),
        "Give it image data (such as @Dataset(MNIST)), or move it before the @Flatten or global"
            + " pooling that made the vector.");
  }
}

package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Loss;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The graph of a functional model: named inputs, the layers and merges in an order in which each
 * comes after what it takes, and the outputs.
 *
 * @param inputs the inputs, in declaration order, which is the network's order of inputs
 * @param nodes every layer and merge, each after the nodes it takes
 * @param outputs the outputs, in declaration order, which is the network's order of outputs
 */
public record GraphDescription(
    List<InputDescription> inputs, List<GraphNode> nodes, List<OutputDescription> outputs) {

  public GraphDescription {
    inputs = List.copyOf(inputs);
    nodes = List.copyOf(nodes);
    outputs = List.copyOf(outputs);
    if (inputs.isEmpty() || outputs.isEmpty()) {
      throw new IllegalArgumentException("a graph has inputs and outputs: " + inputs + outputs);
    }
  }

  /**
   * A named input and what it reads: a text field, vectorized; a group of a table's numeric
   * columns; a provided features array; or the images of image data.
   *
   * @param name the input's field name, which names it in the graph
   * @param field the data's field it reads; for columns or arrays, the input's name
   * @param vectorization how the field's texts become features; empty for numbers
   * @param columns the table's columns it reads, by header name; empty for a text field or arrays
   * @param width the number of features of numbers; ignored for texts and images
   * @param image the image it is, as the network takes it (after {@code @Resizing}); empty for
   *     anything but images
   */
  public record InputDescription(String name, String field,
      Optional<VectorizationDescription> vectorization, List<String> columns, int width,
      Optional<Shape.Image> image) {
    public InputDescription {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(vectorization, "vectorization");
      Objects.requireNonNull(image, "image");
      columns = List.copyOf(columns);
    }

    /** An input of a text field. */
    public static InputDescription text(String name, String field,
        VectorizationDescription vectorization) {
      return new InputDescription(name, field, Optional.of(vectorization), List.of(), 0,
          Optional.empty());
    }

    /** An input of a table's numeric columns, as many features as columns. */
    public static InputDescription columns(String name, List<String> columns) {
      return new InputDescription(name, name, Optional.empty(), columns, columns.size(),
          Optional.empty());
    }

    /** An input of a provided array of {@code width} features. */
    public static InputDescription array(String name, int width) {
      return new InputDescription(name, name, Optional.empty(), List.of(), width,
          Optional.empty());
    }

    /** An input of the data's images, of the network's input {@code image}. */
    public static InputDescription image(String name, String field, Shape.Image image) {
      return new InputDescription(name, field, Optional.empty(), List.of(), 0,
          Optional.of(image));
    }

    public Shape shape() {
      if (image.isPresent()) {
        return image.get();
      }
      return vectorization.map(VectorizationDescription::features)
          .orElseGet(() -> Shape.vector(width));
    }
  }

  /**
   * An output: a dense layer of the graph, the field it predicts and its loss.
   *
   * @param name the output layer's field name
   * @param field the data's field it predicts
   * @param loss its loss
   * @param weight the weight of its loss in the model's
   * @param classes the field's number of classes
   */
  public record OutputDescription(
      String name, String field, Loss loss, double weight, int classes) {
    public OutputDescription {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(loss, "loss");
    }
  }
}

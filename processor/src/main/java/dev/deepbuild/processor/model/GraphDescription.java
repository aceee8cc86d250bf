package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Loss;
import java.util.List;
import java.util.Objects;

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
   * A named input and the text field it reads.
   *
   * @param name the input's field name, which names it in the graph
   * @param field the data's field it reads
   * @param vectorization how the field's texts become features
   */
  public record InputDescription(String name, String field, VectorizationDescription vectorization) {
    public InputDescription {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(vectorization, "vectorization");
    }

    public Shape shape() {
      return vectorization.features();
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

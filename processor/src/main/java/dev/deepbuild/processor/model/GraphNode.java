package dev.deepbuild.processor.model;

import java.util.List;
import java.util.Objects;

/** A layer or a merge of a functional model, with the inputs, layers or merges it takes. */
public sealed interface GraphNode {

  /** The node's field name, which names it in the graph. */
  String name();

  /** The names of what the node takes, in order. */
  List<String> from();

  /** The shape of the node's output. */
  Shape outputShape();

  /** Calls the visitor's method for this kind of node. */
  <R> R accept(Visitor<R> visitor);

  /** One method per kind of node. */
  interface Visitor<R> {
    R layer(Layer layer);

    R merge(Merge merge);

    R vertex(Vertex vertex);
  }

  /** A layer, which takes one input. */
  record Layer(LayerDescription layer, String input) implements GraphNode {
    public Layer {
      Objects.requireNonNull(layer, "layer");
      Objects.requireNonNull(input, "input");
    }

    @Override
    public String name() {
      return layer.name();
    }

    @Override
    public List<String> from() {
      return List.of(input);
    }

    @Override
    public Shape outputShape() {
      return layer.outputShape();
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.layer(this);
    }
  }

  /** A merge of two or more inputs. */
  record Merge(String name, MergeKind kind, List<String> from, Shape outputShape)
      implements GraphNode {
    public Merge {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(kind, "kind");
      from = List.copyOf(from);
      Objects.requireNonNull(outputShape, "outputShape");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.merge(this);
    }
  }

  /** A {@code @Custom} vertex of the user's class, which joins two or more inputs. */
  record Vertex(String name, CustomOptions custom, List<String> from, List<Shape> inputShapes,
      Shape outputShape) implements GraphNode {
    public Vertex {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(custom, "custom");
      from = List.copyOf(from);
      inputShapes = List.copyOf(inputShapes);
      Objects.requireNonNull(outputShape, "outputShape");
    }

    @Override
    public <R> R accept(Visitor<R> visitor) {
      return visitor.vertex(this);
    }
  }
}

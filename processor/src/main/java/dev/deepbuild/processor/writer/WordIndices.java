package dev.deepbuild.processor.writer;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.processor.model.GraphDescription;
import dev.deepbuild.processor.model.GraphNode;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.LayerKind;
import dev.deepbuild.processor.model.MergeKind;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.VectorizationDescription;
import java.util.Optional;

/**
 * The one rule of when a {@code @Dense} is written as the runtime's {@code MultiHotDense}, which
 * takes multi-hot texts as the indices of their words and sums their weight rows, rather than as
 * DL4J's {@code DenseLayer} on the 0/1 rows: a hidden dense layer directly on multi-hot texts (a
 * sequential model's first layer, or a functional model's layer on a multi-hot {@code @Input}
 * whose every taker takes word indices, since an input is given to the network in one form), or
 * on a {@code @Concatenate} of such inputs that only hidden dense layers take, which is then the
 * runtime's {@code MultiHotConcat} (the concatenated rows' word indices). The network writers and
 * the summary ask it, so the summary names the classes the code builds.
 */
final class WordIndices {
  private WordIndices() {}

  static boolean takenBy(ModelDescription model, LayerDescription layer) {
    if (!hiddenDense(model, layer)) {
      return false;
    }
    if (model.graph().isEmpty()) {
      return multiHot(model.vectorization()) && model.layers().get(0) == layer;
    }
    GraphDescription graph = model.graph().get();
    return graph.nodes().stream()
        .filter(node -> node instanceof GraphNode.Layer taking && taking.layer() == layer)
        .map(node -> ((GraphNode.Layer) node).input())
        .anyMatch(from -> input(graph, from).filter(in -> givenAsIndices(model, graph, in))
            .isPresent()
            || merge(graph, from).filter(merge -> concatenated(model, merge)).isPresent());
  }

  /**
   * Whether a merge is written as {@code MultiHotConcat}: a concatenation of multi-hot inputs
   * given as word indices, taken by hidden dense layers only.
   */
  static boolean concatenated(ModelDescription model, GraphNode.Merge merge) {
    GraphDescription graph = model.graph().orElseThrow();
    return ofMultiHotIntoDense(model, graph, merge) && merge.from().stream()
        .allMatch(from -> input(graph, from).filter(in -> givenAsIndices(model, graph, in))
            .isPresent());
  }

  /** The vocabulary widths of a {@link #concatenated} merge's inputs, in its order. */
  static long[] widths(ModelDescription model, GraphNode.Merge merge) {
    GraphDescription graph = model.graph().orElseThrow();
    return merge.from().stream().mapToLong(from -> input(graph, from).orElseThrow()
        .vectorization().orElseThrow().maxTokens()).toArray();
  }

  /**
   * A multi-hot input whose takers all take word indices: hidden dense layers, and concatenations
   * of multi-hot inputs into hidden dense layers.
   */
  private static boolean givenAsIndices(ModelDescription model, GraphDescription graph,
      GraphDescription.InputDescription input) {
    return multiHot(input.vectorization()) && graph.nodes().stream()
        .filter(node -> node.from().contains(input.name()))
        .allMatch(node -> node instanceof GraphNode.Layer taking
            ? hiddenDense(model, taking.layer())
            : node instanceof GraphNode.Merge merge && ofMultiHotIntoDense(model, graph, merge));
  }

  /** A concatenation of multi-hot inputs that only hidden dense layers take, by its shape alone. */
  private static boolean ofMultiHotIntoDense(ModelDescription model, GraphDescription graph,
      GraphNode.Merge merge) {
    return merge.kind() == MergeKind.CONCATENATE
        && merge.from().stream().allMatch(from -> input(graph, from)
            .filter(in -> multiHot(in.vectorization())).isPresent())
        && graph.nodes().stream().filter(node -> node.from().contains(merge.name()))
            .allMatch(node -> node instanceof GraphNode.Layer taking
                && hiddenDense(model, taking.layer()));
  }

  private static boolean hiddenDense(ModelDescription model, LayerDescription layer) {
    return layer.kind() == LayerKind.DENSE && !model.isOutput(layer);
  }

  private static Optional<GraphDescription.InputDescription> input(GraphDescription graph,
      String name) {
    return graph.inputs().stream().filter(in -> in.name().equals(name)).findFirst();
  }

  private static Optional<GraphNode.Merge> merge(GraphDescription graph, String name) {
    return graph.nodes().stream()
        .filter(node -> node instanceof GraphNode.Merge merge && merge.name().equals(name))
        .map(node -> (GraphNode.Merge) node).findFirst();
  }

  private static boolean multiHot(Optional<VectorizationDescription> vectorization) {
    return vectorization.filter(v -> v.mode() == OutputMode.MULTI_HOT).isPresent();
  }
}

package dev.deepbuild.processor.writer;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.processor.model.GraphDescription;
import dev.deepbuild.processor.model.GraphNode;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.LayerKind;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.VectorizationDescription;
import java.util.Optional;

/**
 * The one rule of when a {@code @Dense} is written as the runtime's {@code MultiHotDense}, which
 * takes multi-hot texts as the indices of their words and sums their weight rows, rather than as
 * DL4J's {@code DenseLayer} on the 0/1 rows: a hidden dense layer directly on multi-hot texts (a
 * sequential model's first layer, or a functional model's layer on a multi-hot {@code @Input}
 * that only such layers take, since an input is given to the network in one form). The network
 * writers and the summary ask it, so the summary names the class the code builds.
 */
final class WordIndices {
  private WordIndices() {}

  static boolean takenBy(ModelDescription model, LayerDescription layer) {
    if (layer.kind() != LayerKind.DENSE || model.isOutput(layer)) {
      return false;
    }
    if (model.graph().isEmpty()) {
      return multiHot(model.vectorization()) && model.layers().get(0) == layer;
    }
    GraphDescription graph = model.graph().get();
    return graph.nodes().stream()
        .filter(node -> node instanceof GraphNode.Layer taking && taking.layer() == layer)
        .map(node -> ((GraphNode.Layer) node).input())
        .flatMap(input -> graph.inputs().stream().filter(in -> in.name().equals(input)))
        .anyMatch(input -> multiHot(input.vectorization()) && onlyHiddenDenseLayersTake(model,
            graph, input.name()));
  }

  private static boolean multiHot(Optional<VectorizationDescription> vectorization) {
    return vectorization.filter(v -> v.mode() == OutputMode.MULTI_HOT).isPresent();
  }

  private static boolean onlyHiddenDenseLayersTake(ModelDescription model,
      GraphDescription graph, String input) {
    return graph.nodes().stream().filter(node -> node.from().contains(input))
        .allMatch(node -> node instanceof GraphNode.Layer taking
            && taking.layer().kind() == LayerKind.DENSE && !model.isOutput(taking.layer()));
  }
}

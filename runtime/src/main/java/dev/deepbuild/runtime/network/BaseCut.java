package dev.deepbuild.runtime.network;

import dev.deepbuild.naming.Nearest;
import dev.deepbuild.runtime.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;

/**
 * The base's graph cut after a layer: the vertices it keeps (that layer and all it depends on),
 * those it removes, and its kept layers in the order the data reaches them.
 */
record BaseCut(String end, Set<String> kept, List<String> layers, List<String> removed) {

  static BaseCut of(ComputationGraph graph, String upTo, String base) {
    String end = end(graph, upTo);
    if (graph.getVertex(end) == null) {
      List<String> names = layerNames(graph);
      throw new InvalidInputException("@Pretrained(upTo = \"" + end + "\"): the pretrained base, "
          + base + ", has no layer '" + end + "'; its layers are " + names
          + "; set upTo to one of them." + Nearest.didYouMean(end, names));
    }
    Set<String> kept = ancestors(graph, end);
    List<String> layers = new ArrayList<>();
    List<String> removed = new ArrayList<>();
    for (int index : graph.topologicalSortOrder()) {
      GraphVertex vertex = graph.getVertices()[index];
      if (!kept.contains(vertex.getVertexName())) {
        removed.add(vertex.getVertexName());
      } else if (vertex.hasLayer()) {
        layers.add(vertex.getVertexName());
      }
    }
    return new BaseCut(end, kept, List.copyOf(layers), List.copyOf(removed));
  }

  /**
   * The preprocessor DL4J keeps on the first layer the cut removes, such as a sequential base's
   * {@code @Flatten} before its output layer: the base's shapes end with it, so the head takes
   * it over (unless the head's first layer brings its own).
   */
  Optional<InputPreProcessor> carriedOver(ComputationGraph graph) {
    ComputationGraphConfiguration conf = graph.getConfiguration();
    for (String name : removed) {
      if (conf.getVertexInputs().getOrDefault(name, List.of()).contains(end)
          && conf.getVertices().get(name) instanceof LayerVertex vertex
          && vertex.getPreProcessor() != null) {
        return Optional.of(vertex.getPreProcessor().clone());
      }
    }
    return Optional.empty();
  }

  /** A head layer takes a name the base's kept layers do not have. */
  void checkFree(String name) {
    if (kept.contains(name)) {
      throw new InvalidInputException("the head's layer '" + name
          + "' has the name of a layer of the pretrained base; rename the field.");
    }
  }

  void checkTrainable(int trainable, String base) {
    if (trainable > layers.size()) {
      throw new InvalidInputException("trainable = " + trainable
          + " asks for more layers than " + base + " has: " + layers.size() + " " + layers
          + "; set trainable to " + layers.size() + " or fewer.");
    }
  }

  /** The vertex a base is cut after: {@code upTo}, or the last before its output layers. */
  static String end(ComputationGraph graph, String upTo) {
    return upTo.isEmpty() ? beforeOutputs(graph) : upTo;
  }

  /** A base that ends in output layers ends, without them, at what the first one takes. */
  private static String beforeOutputs(ComputationGraph graph) {
    String output = graph.getConfiguration().getNetworkOutputs().get(0);
    GraphVertex vertex = graph.getVertex(output);
    boolean outputLayer = vertex.hasLayer() && vertex.getLayer() instanceof
        org.deeplearning4j.nn.api.layers.IOutputLayer;
    return outputLayer ? graph.getConfiguration().getVertexInputs().get(output).get(0) : output;
  }

  private static Set<String> ancestors(ComputationGraph graph, String end) {
    Set<String> kept = new LinkedHashSet<>();
    List<String> pending = new ArrayList<>(List.of(end));
    while (!pending.isEmpty()) {
      String name = pending.remove(pending.size() - 1);
      if (kept.add(name)) {
        pending.addAll(graph.getConfiguration().getVertexInputs().getOrDefault(name, List.of()));
      }
    }
    return kept;
  }

  private static List<String> layerNames(ComputationGraph graph) {
    Set<String> seen = new HashSet<>();
    List<String> names = new ArrayList<>();
    for (int index : graph.topologicalSortOrder()) {
      GraphVertex vertex = graph.getVertices()[index];
      if (vertex.hasLayer() && seen.add(vertex.getVertexName())) {
        names.add(vertex.getVertexName());
      }
    }
    return names;
  }
}

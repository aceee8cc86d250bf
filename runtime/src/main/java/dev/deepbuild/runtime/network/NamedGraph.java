package dev.deepbuild.runtime.network;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * A sequential network as a graph whose vertices are named by its layers, so that a base is cut
 * and frozen by the field names the DSL knows: DL4J's own conversion names them by index.
 */
final class NamedGraph {
  private NamedGraph() {}

  static ComputationGraph of(MultiLayerNetwork network) {
    ComputationGraph indexed = network.toComputationGraph();
    ComputationGraphConfiguration conf = indexed.getConfiguration().clone();
    // DL4J names the vertex of layer i "i", and renames the layer in it.
    Map<String, String> names = new LinkedHashMap<>();
    for (int i = 0; i < network.getnLayers(); i++) {
      String layer = network.getLayerWiseConfigurations().getConf(i).getLayer().getLayerName();
      if (layer != null && !layer.isEmpty()) {
        names.put(Integer.toString(i), layer);
      }
    }
    conf.getVertices().forEach((index, vertex) -> {
      if (vertex instanceof LayerVertex layerVertex && names.containsKey(index)) {
        layerVertex.getLayerConf().getLayer().setLayerName(names.get(index));
      }
    });
    Map<String, GraphVertex> vertices = new LinkedHashMap<>();
    conf.getVertices().forEach((index, vertex) -> vertices.put(names.getOrDefault(index, index),
        vertex));
    Map<String, List<String>> inputs = new LinkedHashMap<>();
    conf.getVertexInputs().forEach((index, from) -> inputs.put(names.getOrDefault(index, index),
        from.stream().map(name -> names.getOrDefault(name, name)).toList()));
    List<String> outputs = new ArrayList<>();
    conf.getNetworkOutputs().forEach(output -> outputs.add(names.getOrDefault(output, output)));
    conf.setVertices(vertices);
    conf.setVertexInputs(inputs);
    conf.setNetworkOutputs(outputs);
    conf.setTopologicalOrder(null);
    conf.setTopologicalOrderStr(null);
    ComputationGraph named = new ComputationGraph(conf);
    named.init(indexed.params().dup(), false);
    return named;
  }
}

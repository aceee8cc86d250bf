package dev.deepbuild.runtime.network;

import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.FrozenVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * A saved network with every layer and vertex trainable again, as the model that built it on a
 * base of its own saved it frozen or not: DL4J keeps a frozen layer frozen in the saved
 * configuration, so a model built on that model would otherwise never train the layers its own
 * {@code trainable} unfreezes. Which layers a model on it freezes is that model's choice alone.
 */
final class ThawedGraph {
  private ThawedGraph() {}

  static ComputationGraph of(ComputationGraph saved) {
    ComputationGraphConfiguration conf = saved.getConfiguration().clone();
    boolean changed = false;
    for (var entry : conf.getVertices().entrySet()) {
      if (entry.getValue() instanceof FrozenVertex frozen) {
        entry.setValue(frozen.getUnderlying());
        changed = true;
      } else if (entry.getValue() instanceof LayerVertex vertex
          && Shapes.frozen(vertex.getLayerConf().getLayer())) {
        Layer inner = inner(vertex.getLayerConf().getLayer());
        inner.setLayerName(entry.getKey());
        vertex.getLayerConf().setLayer(inner);
        changed = true;
      }
    }
    if (!changed) {
      return saved;
    }
    ComputationGraph thawed = new ComputationGraph(conf);
    // A frozen layer holds its inner layer's parameters in the same order.
    thawed.init(saved.params().dup(), false);
    return thawed;
  }

  private static Layer inner(Layer frozen) {
    Layer inner = frozen instanceof FrozenLayer layer ? layer.getLayer()
        : ((FrozenLayerWithBackprop) frozen).getUnderlying();
    return Shapes.frozen(inner) ? inner(inner) : inner;
  }
}

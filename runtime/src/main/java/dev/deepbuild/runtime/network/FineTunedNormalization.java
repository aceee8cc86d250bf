package dev.deepbuild.runtime.network;

import java.util.Collection;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The moving statistics of a base's fine-tuned batch normalization follow the new data. DL4J
 * trains an unfrozen batch normalization in training mode (each minibatch's own mean and variance)
 * and keeps it in inference mode only frozen: around a layer whose inputs train it fails in its
 * backward pass. A pretrained one keeps the decay it was trained with (Keras's momentum, 0.999 in
 * MobileNetV2), so after a few hundred steps its moving statistics, which inference normalizes
 * with, still hold about two thirds of the old data's, while the head learned on the new data's:
 * DL4J's own default, 0.9, brings them to the new data's within tens of steps.
 */
final class FineTunedNormalization {
  /** DL4J's default decay of a batch normalization's moving mean and variance. */
  static final double DECAY = 0.9;

  private FineTunedNormalization() {}

  /** Lowers the decay of each batch normalization among {@code trained}, the fine-tuned layers. */
  static void follow(ComputationGraph graph, Collection<String> trained) {
    for (String name : trained) {
      // The layer's own configuration, read at each step, and the graph's, which is saved.
      Layer running = graph.getLayer(name).conf().getLayer();
      Layer saved = ((LayerVertex) graph.getConfiguration().getVertices().get(name))
          .getLayerConf().getLayer();
      for (Layer layer : new Layer[] {running, saved}) {
        if (layer instanceof BatchNormalization normalization) {
          normalization.setDecay(Math.min(normalization.getDecay(), DECAY));
        }
      }
    }
  }
}

package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.InvalidInputException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;

/** The size of a network's output layer, which decides how labels are encoded. */
final class OutputUnits {
  private OutputUnits() {}

  static int of(String model, MultiLayerConfiguration conf) {
    Layer last = conf.getConf(conf.getConfs().size() - 1).getLayer();
    if (!(last instanceof FeedForwardLayer layer) || layer.getNOut() < 1) {
      throw new InvalidInputException(model + ": the network's last layer, "
          + last.getClass().getSimpleName() + ", states no output units; end the model with a"
          + " @Dense layer, the output layer.");
    }
    return Math.toIntExact(layer.getNOut());
  }
}

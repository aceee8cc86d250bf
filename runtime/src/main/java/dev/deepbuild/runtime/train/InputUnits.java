package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.InvalidInputException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;

/**
 * Checks that the network takes as many inputs as the data has features. Where the processor knew
 * the input size at compile time (a vectorized text, a built-in table) the network states it, and
 * a difference would otherwise surface as a shape error deep inside DL4J.
 */
final class InputUnits {
  private InputUnits() {}

  static void check(String model, MultiLayerConfiguration conf, int features) {
    for (NeuralNetConfiguration layerConf : conf.getConfs()) {
      // A leading dropout layer states no input size; the first layer that does is checked.
      if (layerConf.getLayer() instanceof FeedForwardLayer layer && layer.getNIn() > 0) {
        if (layer.getNIn() != features) {
          throw new InvalidInputException(model + ": the first layer, " + layer.getLayerName()
              + ", takes " + layer.getNIn() + " inputs, but the data has " + features
              + " features; rebuild the project so the generated code matches the data.");
        }
        return;
      }
    }
  }
}

package dev.deepbuild.runtime.network;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * A user's layer as the built configuration holds it: its class, and what its own code computes
 * from the inputs its declaration states.
 *
 * @param className the layer's or vertex's class
 * @param outputType what its {@code getOutputType} gives
 * @param params the parameters it holds
 */
public record CustomLayer(String className, InputType outputType, long params) {

  /**
   * The layer, named as its field, for a sequential network's builder, which would otherwise
   * name it by its place ({@code layer2}).
   */
  public static <L extends Layer> L named(String name, L layer) {
    layer.setLayerName(name);
    return layer;
  }
}

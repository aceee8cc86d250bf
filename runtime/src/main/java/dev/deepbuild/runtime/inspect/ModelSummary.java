package dev.deepbuild.runtime.inspect;

import dev.deepbuild.runtime.network.NetworkLayer;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayer;
import org.deeplearning4j.nn.conf.layers.misc.FrozenLayerWithBackprop;

/**
 * What Keras's {@code model.summary()} tells about a network: each layer's name, type, output
 * shape and parameter count, and the totals.
 *
 * @param model the model's name
 * @param declaringClass the annotated class
 * @param layers the layers in order
 */
public record ModelSummary(String model, String declaringClass, List<LayerRow> layers) {

  /**
   * One layer.
   *
   * @param outputUnits the width of its output, {@code (None, outputUnits)} in Keras's notation
   * @param trainable whether training updates its parameters (false for a frozen layer)
   */
  public record LayerRow(String name, String type, long outputUnits, long params, boolean trainable) {}

  public ModelSummary {
    layers = List.copyOf(layers);
  }

  /**
   * @param net an initialized network, whose parameters are counted as allocated
   * @param inputs the width of its input, which a layer that keeps its input's shape passes on
   */
  public static ModelSummary of(String model, String declaringClass, TrainableNetwork net,
      long inputs) {
    List<LayerRow> rows = new ArrayList<>();
    long width = inputs;
    for (NetworkLayer networkLayer : net.layers()) {
      Layer layer = networkLayer.conf();
      // Each layer says what it gives: a dense one its units, dropout its input's width, a
      // custom layer what its own getOutputType computes.
      width = layer.getOutputType(-1, InputType.feedForward(width)).arrayElementsPerExample();
      boolean frozen = layer instanceof FrozenLayer || layer instanceof FrozenLayerWithBackprop;
      rows.add(new LayerRow(layer.getLayerName(), layer.getClass().getSimpleName(), width,
          networkLayer.params(), !frozen));
    }
    return new ModelSummary(model, declaringClass, rows);
  }

  public long totalParams() {
    return layers.stream().mapToLong(LayerRow::params).sum();
  }

  public long trainableParams() {
    return layers.stream().filter(LayerRow::trainable).mapToLong(LayerRow::params).sum();
  }

  public long nonTrainableParams() {
    return totalParams() - trainableParams();
  }
}

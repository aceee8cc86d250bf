package dev.deepbuild.runtime.inspect;

import dev.deepbuild.runtime.network.NetworkNode;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.List;

/**
 * What Keras's {@code model.summary()} tells about a network: each input, layer and vertex's
 * name, type, output shape and parameter count, and the totals.
 *
 * @param model the model's name
 * @param declaringClass the annotated class
 * @param layers the rows in order: a functional model's inputs first
 */
public record ModelSummary(String model, String declaringClass, List<NetworkNode> layers) {

  public ModelSummary {
    layers = List.copyOf(layers);
  }

  /**
   * @param net an initialized network, whose parameters are counted as allocated
   * @param inputWidths the width of each of its inputs, in its order; the shapes follow from them
   */
  public static ModelSummary of(String model, String declaringClass, TrainableNetwork net,
      List<Integer> inputWidths) {
    return new ModelSummary(model, declaringClass, net.nodes(inputWidths));
  }

  /** The summary of a network of one input, {@code inputs} wide. */
  public static ModelSummary of(String model, String declaringClass, TrainableNetwork net,
      long inputs) {
    return of(model, declaringClass, net, List.of(Math.toIntExact(inputs)));
  }

  public long totalParams() {
    return layers.stream().mapToLong(NetworkNode::params).sum();
  }

  public long trainableParams() {
    return layers.stream().mapToLong(NetworkNode::trainableParams).sum();
  }

  public long nonTrainableParams() {
    return totalParams() - trainableParams();
  }
}

package dev.deepbuild.runtime.model;

import dev.deepbuild.runtime.network.NetworkConfiguration;
import java.util.Optional;

/**
 * A model of the build, as the annotation processor generates it from an annotated class: what to
 * train on and how ({@link #spec()}), and the network itself ({@link #network(int)}): a sequential
 * one or a graph, wrapped in the runtime's {@link NetworkConfiguration}.
 */
public interface ModelDefinition {

  /** The model's data, preprocessing, training options and thresholds. */
  ModelSpec spec();

  /**
   * The network's configuration.
   *
   * @param inputs the number of input features of a model whose data fixes them only once it is
   *     loaded (a CSV table of a sequential model); a network whose inputs are fixed at compile
   *     time states its widths itself
   */
  NetworkConfiguration network(int inputs);

  /**
   * The build's model whose trained network this model builds on ({@code @Pretrained(model =
   * ...)}), which a session trains first; empty for most. It is stated apart from the network so
   * that ordering a session's models builds no network.
   */
  default Optional<String> baseModel() {
    return Optional.empty();
  }
}

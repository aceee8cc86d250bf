package dev.deepbuild.runtime.network;

/**
 * One row of a network's summary: an input, a layer or a vertex, with the shape of what it gives.
 *
 * @param type the DL4J class's simple name, such as {@code DenseLayer} or {@code MergeVertex}, or
 *     {@code InputLayer} for an input
 * @param outputShape its output's shape in Keras's notation, such as {@code (None, 64)}
 * @param params the number of parameters it holds, as initialized
 * @param trainableParams how many of them training updates by their gradient: none for a frozen
 *     layer, all but the moving mean and variance for a batch normalization
 */
public record NetworkNode(
    String name, String type, String outputShape, long params, long trainableParams) {

  /** A node whose parameters are all trainable, or, when {@code trainable} is false, none. */
  public NetworkNode(String name, String type, String outputShape, long params,
      boolean trainable) {
    this(name, type, outputShape, params, trainable ? params : 0);
  }
}

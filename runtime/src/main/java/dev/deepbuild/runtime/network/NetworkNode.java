package dev.deepbuild.runtime.network;

/**
 * One row of a network's summary: an input, a layer or a vertex, with the shape of what it gives.
 *
 * @param type the DL4J class's simple name, such as {@code DenseLayer} or {@code MergeVertex}, or
 *     {@code InputLayer} for an input
 * @param outputShape its output's shape in Keras's notation, such as {@code (None, 64)}
 * @param params the number of parameters it holds, as initialized
 * @param trainable whether training updates its parameters (false for a frozen layer)
 */
public record NetworkNode(
    String name, String type, String outputShape, long params, boolean trainable) {}

/**
 * The seam between the training path and a network. {@link
 * dev.deepbuild.runtime.network.TrainableNetwork} is every operation that training, early stopping,
 * checkpoints, schedules, cross-validation, evaluation and summaries need (fit a minibatch, output,
 * score, parameters, learning rate, save); {@link dev.deepbuild.runtime.network.SequentialNetwork}
 * implements it on DL4J's {@code MultiLayerNetwork}, and {@link
 * dev.deepbuild.runtime.network.Networks} creates and loads networks. No other class of the runtime
 * uses a DL4J network type, so another kind of network, such as a graph or another backend, plugs
 * in here without another copy of the loop.
 */
package dev.deepbuild.runtime.network;

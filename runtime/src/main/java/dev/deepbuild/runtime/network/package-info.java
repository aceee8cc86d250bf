/**
 * The seam between the training path and a network. {@link
 * dev.deepbuild.runtime.network.TrainableNetwork} is every operation that training, early stopping,
 * checkpoints, schedules, cross-validation, evaluation and summaries need (fit a minibatch, output,
 * score, parameters, learning rate, save); {@link dev.deepbuild.runtime.network.SequentialNetwork}
 * implements it on DL4J's {@code MultiLayerNetwork}, {@link
 * dev.deepbuild.runtime.network.GraphNetwork} on a one-input, one-output {@code ComputationGraph},
 * and {@link dev.deepbuild.runtime.network.Networks} creates networks and loads saved ones of
 * either kind. No other class of the runtime uses a DL4J network type, so another backend plugs in
 * here without another copy of the loop.
 */
package dev.deepbuild.runtime.network;

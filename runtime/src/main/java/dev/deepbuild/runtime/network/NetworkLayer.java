package dev.deepbuild.runtime.network;

import org.deeplearning4j.nn.conf.layers.Layer;

/**
 * One layer of a network, with its configuration and its parameters.
 *
 * @param conf the layer's configuration: its name, type and, for a sized layer, its output units
 * @param params the number of parameters the initialized layer holds
 */
public record NetworkLayer(Layer conf, long params) {}

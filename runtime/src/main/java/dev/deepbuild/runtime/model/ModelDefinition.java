package dev.deepbuild.runtime.model;

import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * A model of the build, as the annotation processor generates it from an annotated class: what to
 * train on and how ({@link #spec()}), and the network itself ({@link #network(int)}).
 */
public interface ModelDefinition {

  /** The model's data, preprocessing, training options and thresholds. */
  ModelSpec spec();

  /**
   * The network's configuration.
   *
   * @param inputs the number of input features, known only once the data is loaded
   */
  MultiLayerConfiguration network(int inputs);
}

package dev.deepbuild.runtime.network;

import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * What a backend that trains DL4J's own network classes does with each of them, such as Spark's
 * {@code SparkDl4jMultiLayer} and {@code SparkComputationGraph}; {@link TrainableNetwork#accept}
 * calls the method for the network it holds.
 *
 * @param <T> what the backend makes of the network
 */
public interface Dl4jNetworks<T> {
  T sequential(MultiLayerNetwork network);

  T graph(ComputationGraph graph);
}

package dev.deepbuild.runtime.model;

import dev.deepbuild.runtime.network.NetworkConfiguration;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/** Model definitions for tests, written as generated code implements the contract. */
public final class Definitions {
  private Definitions() {}

  /** A model of {@code spec} whose sequential network for a given input count is {@code network}'s. */
  public static ModelDefinition of(ModelSpec spec, IntFunction<MultiLayerConfiguration> network) {
    return configured(spec, inputs -> NetworkConfiguration.of(network.apply(inputs)));
  }

  /** A model of {@code spec} whose network, sequential or graph, is {@code network}'s. */
  public static ModelDefinition configured(
      ModelSpec spec, IntFunction<NetworkConfiguration> network) {
    return new ModelDefinition() {
      @Override
      public ModelSpec spec() {
        return spec;
      }

      @Override
      public NetworkConfiguration network(int inputs) {
        return network.apply(inputs);
      }
    };
  }
}

package dev.deepbuild.runtime.model;

import java.util.function.IntFunction;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/** Model definitions for tests, written as generated code implements the contract. */
public final class Definitions {
  private Definitions() {}

  /** A model of {@code spec} whose network for a given input count is {@code network}'s. */
  public static ModelDefinition of(ModelSpec spec, IntFunction<MultiLayerConfiguration> network) {
    return new ModelDefinition() {
      @Override
      public ModelSpec spec() {
        return spec;
      }

      @Override
      public MultiLayerConfiguration network(int inputs) {
        return network.apply(inputs);
      }
    };
  }
}

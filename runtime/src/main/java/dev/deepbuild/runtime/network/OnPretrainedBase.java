package dev.deepbuild.runtime.network;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A head on a pretrained base, sequential or a graph: what it is made of but the base (its
 * outputs, custom layers, seeds and data type) is its head's, and the base says what it is and
 * how it is tuned.
 *
 * @param <C> the configuration itself, which the tuning methods return for the generated code to
 *     chain
 */
sealed interface OnPretrainedBase<C extends OnPretrainedBase<C>> extends NetworkConfiguration
    permits TransferConfiguration, GraphTransferConfiguration {

  /** The base and how it is tuned. */
  TunedBase base();

  /** This configuration's head on {@code tuned}. */
  C withBase(TunedBase tuned);

  /** This configuration with the top {@code layers} of the base trained on. */
  default C trainable(int layers) {
    return withBase(base().trainable(layers));
  }

  /** This configuration with the base's trained layers at {@code rate}. */
  default C fineTuneLearningRate(double rate) {
    return withBase(base().fineTuneLearningRate(rate));
  }

  @Override
  default NetworkConfiguration locatedIn(BaseLocations where) {
    return withBase(base().locatedIn(where));
  }

  /** The head's own configuration, without the base. */
  NetworkConfiguration headConfiguration();

  @Override
  default Optional<String> baseDescription() {
    return Optional.of(base().description());
  }

  @Override
  default DataType dataType() {
    return headConfiguration().dataType();
  }

  @Override
  default List<NetworkOutput> outputs() {
    return headConfiguration().outputs();
  }

  @Override
  default CustomLayer custom(String name, List<InputType> inputs) {
    return headConfiguration().custom(name, inputs);
  }

  @Override
  default Set<Long> seeds() {
    return headConfiguration().seeds();
  }
}

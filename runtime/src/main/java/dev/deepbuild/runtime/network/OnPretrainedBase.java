package dev.deepbuild.runtime.network;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A head on a pretrained base, sequential or a graph: what it is made of but the base (its
 * outputs, custom layers, seeds and data type) is its head's, and the base says what it is.
 */
sealed interface OnPretrainedBase extends NetworkConfiguration
    permits TransferConfiguration, GraphTransferConfiguration {

  /** The base and how it is tuned. */
  TunedBase base();

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

package dev.deepbuild.runtime.network;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * A network's configuration as a model's generated code builds it: a sequential one (Keras's
 * {@code Sequential}) or a graph (Keras's functional models). The training path asks it what it
 * needs to know before a network exists (its outputs, to encode labels; its digest, for
 * fingerprints) and to {@link #create} the network, so that nothing outside this package reads a
 * DL4J configuration type.
 */
public sealed interface NetworkConfiguration permits SequentialConfiguration, GraphConfiguration,
    OnPretrainedBase {

  /** The configuration of a sequential network. */
  static NetworkConfiguration of(MultiLayerConfiguration conf) {
    return new SequentialConfiguration(conf);
  }

  /** The configuration of a graph network. */
  static NetworkConfiguration of(ComputationGraphConfiguration conf) {
    return new GraphConfiguration(conf);
  }

  /**
   * A pretrained base under {@code head}, a sequential configuration whose input is the base's
   * output: the base frozen until {@link TransferConfiguration#trainable} says otherwise.
   */
  static TransferConfiguration on(PretrainedBase base, MultiLayerConfiguration head) {
    return new TransferConfiguration(base, head);
  }

  /**
   * A pretrained base under {@code head}, a graph whose first input, {@code features}, is the
   * base's output, Keras's {@code features = base(inputs)}: the base frozen until
   * {@link GraphTransferConfiguration#trainable} says otherwise.
   */
  static GraphTransferConfiguration on(PretrainedBase base, String features,
      ComputationGraphConfiguration head) {
    return new GraphTransferConfiguration(base, features, head);
  }

  /**
   * This configuration with its pretrained base's files found in {@code where}; a configuration
   * without a base needs no files and is itself.
   */
  default NetworkConfiguration locatedIn(BaseLocations where) {
    return this;
  }

  /** What the network's pretrained base is, for the model's provenance; empty without one. */
  default Optional<String> baseDescription() {
    return Optional.empty();
  }

  /**
   * A new, initialized network of this configuration, with ND4J's global random generator seeded
   * with {@code seed} first, so that the final model and every cross-validation fold start alike.
   */
  TrainableNetwork create(long seed);

  /** The floating-point type of the network's parameters, which its inputs must have. */
  DataType dataType();

  /** The output layers, in the order the network gives its outputs. */
  List<NetworkOutput> outputs();

  /**
   * Checks that each of the network's inputs takes the width of its data, where the configuration
   * states it (a sequential network's image input or first sized layer; a graph's first
   * feed-forward layer on each input), so that a mismatch, such as a provider's array of another
   * width, is an error that names it rather than a failure deep inside DL4J.
   *
   * @param widths the data's width of each input, in the network's order
   * @throws dev.deepbuild.runtime.InvalidInputException naming the input and both widths
   */
  void checkInputs(String model, List<Integer> widths);

  /**
   * Whether input {@code input} (in the network's order) is taken as the word indices of
   * multi-hot texts rather than as their 0/1 rows: when a {@link MultiHotDense} or a {@link
   * MultiHotConcat} takes it. Such an input never becomes a dense matrix in training, evaluation or
   * prediction.
   *
   * @throws dev.deepbuild.runtime.InvalidInputException when one of them and another layer take
   *     the same input, which cannot be given both forms
   */
  default boolean takesTokenIndices(int input) {
    return false;
  }

  /**
   * This configuration, after checking that each custom layer's own code computes what its
   * {@code @Custom} declares: the generated code of a model with custom layers calls it.
   *
   * @throws dev.deepbuild.runtime.InvalidInputException when a layer's shape or parameters differ
   */
  default NetworkConfiguration declaring(DeclaredLayer... layers) {
    CustomLayerCheck.check(this, List.of(layers));
    return this;
  }

  /**
   * The custom layer or vertex of this name, with what it computes from these inputs.
   *
   * @throws IllegalArgumentException when the configuration has no such layer
   */
  CustomLayer custom(String name, List<InputType> inputs);

  /** The seeds of the layers, for a fingerprint that reads a changed seed as such. */
  Set<Long> seeds();

  /** The configuration as DL4J writes it into a saved model, from which DL4J reads it back. */
  String toJson();

  /** SHA-256 of the configuration's JSON with every seed set to 0. */
  String digest();
}

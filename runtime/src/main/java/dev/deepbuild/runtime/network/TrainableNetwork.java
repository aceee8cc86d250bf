package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.io.ModelArchive;
import dev.deepbuild.runtime.io.ModelMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;

/**
 * The one seam between DeepBuild's training path and a network: the epoch loop, early stopping,
 * checkpoints, learning-rate schedules, cross-validation, evaluation and summaries use a network
 * only through these operations, so that a sequential network ({@link SequentialNetwork}), a
 * graph ({@link GraphNetwork}) or, later, another backend trains through the same loop.
 *
 * <p>Every measurement ({@link #output}, {@link #score}) runs in inference mode: no dropout, and
 * no change to the network's state.
 */
public interface TrainableNetwork {

  /**
   * Fits one minibatch: one forward and backward pass and one update of the parameters.
   *
   * @param features one array per input of the network, in its inputs' order
   * @param labels one array per output, in its outputs' order
   */
  void fit(INDArray[] features, INDArray[] labels);

  /**
   * Fits one minibatch as {@link #fit(INDArray[], INDArray[])} does and tells {@code fitted} the
   * loss and outputs of its training forward pass. A network that cannot see that pass fits
   * without telling: the epoch loop then measures the training split itself, once per epoch.
   */
  default void fit(INDArray[] features, INDArray[] labels, FittedBatch fitted) {
    fit(features, labels);
  }

  /**
   * Counts a finished epoch. The count is part of the network's saved state and drives schedules
   * that a configuration states per epoch.
   */
  void endEpoch();

  /** The network's outputs for {@code features}, one array per output, in inference mode. */
  INDArray[] output(INDArray[] features);

  /**
   * The mean loss per example of {@code data} in inference mode, plus the configuration's L1/L2
   * penalty (0 unless it sets one). For several outputs, the sum of each output's loss times its
   * weight.
   */
  double score(MultiDataSet data);

  /**
   * The configuration's L1/L2 penalty on the current parameters, which {@link #score} adds to the
   * mean loss: 0 unless the configuration sets one.
   */
  double penalty();

  /** The number of parameters, of every layer, trainable or frozen. */
  long parameterCount();

  /**
   * How many of the network's layers oneDNN computes ({@link OneDnn}): its 2-D convolution,
   * pooling and batch-normalization layers when the natives have oneDNN, else none.
   */
  int oneDnnLayers();

  /** A copy of all parameters, which later changes to the network leave as they are. */
  INDArray parameters();

  /** Replaces all parameters with {@code parameters}, as {@link #parameters()} gave them. */
  void setParameters(INDArray parameters);

  /**
   * The learning rate of the first layer that has one, the rate a schedule starts from.
   *
   * @throws IllegalStateException when no layer has a learning rate
   */
  double learningRate();

  /** Sets the learning rate of every layer, from the next update on. */
  void setLearningRate(double rate);

  /**
   * The network's head on its frozen base's outputs, computed once per split ({@link
   * FeatureExtraction}); empty for a network without a frozen base.
   */
  default Optional<FeatureExtraction> frozenFeatures() {
    return Optional.empty();
  }

  /**
   * Hands the DL4J network this one trains to the matching method of {@code backend}; changes the
   * backend makes to it (its parameters, its updater's state) are this network's.
   */
  <T> T accept(Dl4jNetworks<T> backend);

  /** The configuration the network was created with. */
  NetworkConfiguration configuration();

  /** The output layers, in the order {@link #output} gives their arrays. */
  default List<NetworkOutput> outputs() {
    return configuration().outputs();
  }

  /** The floating-point type of the network's parameters, which its inputs must have. */
  DataType dataType();

  /**
   * The summary's rows: a graph's inputs, then its layers and vertices, in the order its
   * configuration declares them (a sequential network's layers in order), each with the shape it
   * gives for inputs of these widths.
   *
   * @param inputWidths the width of each input's feature vector, in the network's order
   */
  List<NetworkNode> nodes(List<Integer> inputWidths);

  /** The layers in the order the data flows through them, each with its parameter count. */
  List<NetworkLayer> layers();

  /**
   * What the network's file holds: its configuration, parameters and updater state, the arrays
   * as the network holds them now (views, not copies: {@link ModelArchive.Content#copy} keeps them).
   */
  ModelArchive.Content content();

  /**
   * Writes {@code target} atomically: the configuration, the parameters and the updater state (so
   * training can resume), and {@code normalizer} and {@code metadata} when present; {@link
   * Networks#load} reads it back.
   */
  default void save(Path target, Optional<? extends Normalizer<?>> normalizer,
      Optional<ModelMetadata> metadata) throws IOException {
    ModelArchive.write(content(), normalizer, metadata, target);
  }

  /** Writes {@code target} atomically as {@link #save(Path, Optional, Optional)}, without metadata. */
  default void save(Path target, Optional<? extends Normalizer<?>> normalizer)
      throws IOException {
    save(target, normalizer, Optional.empty());
  }
}

package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.io.ModelArchive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A pretrained base with its head, as one graph ({@link TransferConfiguration}, or
 * {@link GraphTransferConfiguration} for a functional model's head); with its base frozen under a
 * sequential head, it can also train its head on the base's outputs computed once ({@link
 * #frozenFeatures}).
 */
final class TransferNetwork implements TrainableNetwork {
  private final ComputationGraph graph;
  private final GraphNetwork network;
  private final String baseEnd;
  private final List<String> headLayers;
  private final Optional<MultiLayerConfiguration> sequentialHead;
  private final boolean frozen;

  /**
   * @param baseInput the type of the base's input, where its graph keeps no preprocessor for it
   * @param baseEnd the base's last vertex, which the head takes
   * @param head the head's configuration, whose input is the base's output
   * @param frozen whether every layer of the base is frozen
   */
  TransferNetwork(ComputationGraph graph, Optional<InputType> baseInput, String baseEnd,
      MultiLayerConfiguration head, boolean frozen) {
    this(graph, baseInput, baseEnd, head.getConfs().stream()
        .map(layer -> layer.getLayer().getLayerName()).toList(), Optional.of(head), frozen);
  }

  /**
   * @param headLayers the names of the head's layers, whose rate is the model's
   * @param sequentialHead a sequential head, which can train on the frozen base's outputs; empty
   *     for a graph's, which trains with the base as a whole
   */
  TransferNetwork(ComputationGraph graph, Optional<InputType> baseInput, String baseEnd,
      List<String> headLayers, Optional<MultiLayerConfiguration> sequentialHead,
      boolean frozen) {
    this.graph = graph;
    this.network = new GraphNetwork(graph, baseInput);
    this.baseEnd = baseEnd;
    this.headLayers = List.copyOf(headLayers);
    this.sequentialHead = sequentialHead;
    this.frozen = frozen;
  }

  /**
   * The head on the base's outputs, for a frozen base; for a fine-tuned one, its trained top layers
   * and the head on the outputs of its frozen layers, where one frozen vertex gives all they take.
   */
  @Override
  public Optional<FeatureExtraction> frozenFeatures() {
    if (sequentialHead.isEmpty()) {
      return Optional.empty();
    }
    MultiLayerConfiguration head = sequentialHead.get();
    if (frozen) {
      MultiLayerNetwork headNetwork = new MultiLayerNetwork(head.clone());
      headNetwork.init();
      return Optional.of(FrozenBaseHead.onFrozenBase(graph, baseEnd, headNetwork));
    }
    if (graph.getConfiguration().getVertices().values().stream().noneMatch(vertex ->
        vertex instanceof LayerVertex layer && Shapes.frozen(layer.getLayerConf().getLayer()))) {
      return Optional.empty();
    }
    return FrozenBaseHead.onFrozenLayers(graph,
        top -> new TransferNetwork(top, Optional.empty(), baseEnd, head, false))
        .map(FeatureExtraction.class::cast);
  }

  @Override
  public int oneDnnLayers() {
    return network.oneDnnLayers();
  }

  @Override
  public void fit(INDArray[] features, INDArray[] labels) {
    network.fit(features, labels);
  }

  @Override
  public void fit(INDArray[] features, INDArray[] labels, FittedBatch fitted) {
    network.fit(features, labels, fitted);
  }

  @Override
  public <T> T accept(Dl4jNetworks<T> backend) {
    return network.accept(backend);
  }

  @Override
  public void endEpoch() {
    network.endEpoch();
  }

  @Override
  public INDArray[] output(INDArray[] features) {
    return network.output(features);
  }

  @Override
  public double score(MultiDataSet data) {
    return network.score(data);
  }

  @Override
  public double penalty() {
    return network.penalty();
  }

  @Override
  public long parameterCount() {
    return network.parameterCount();
  }

  @Override
  public INDArray parameters() {
    return network.parameters();
  }

  @Override
  public void setParameters(INDArray parameters) {
    network.setParameters(parameters);
  }

  /** The head's rate: the base's fine-tuned layers may train at a lower one. */
  @Override
  public double learningRate() {
    for (String layer : headLayers) {
      Double rate = graph.getLearningRate(layer);
      if (rate != null) {
        return rate;
      }
    }
    throw new IllegalStateException("no layer of the head has a learning rate");
  }

  /**
   * Sets the head's rate to {@code rate} and scales the base's fine-tuned layers' rates alike, so
   * that a schedule keeps the fine-tuning rate as much lower as it was declared.
   */
  @Override
  public void setLearningRate(double rate) {
    double scale = rate / learningRate();
    // Every rate is read before any is set: DL4J's layers may share one optimizer object.
    Map<String, Double> rates = new LinkedHashMap<>();
    for (GraphVertex vertex : graph.getVertices()) {
      Double current = vertex.hasLayer() && !Shapes.frozen(vertex.getLayer().conf().getLayer())
          ? graph.getLearningRate(vertex.getVertexName()) : null;
      if (current != null) {
        rates.put(vertex.getVertexName(), current * scale);
      }
    }
    rates.forEach(graph::setLearningRate);
  }

  @Override
  public NetworkConfiguration configuration() {
    return network.configuration();
  }

  @Override
  public DataType dataType() {
    return network.dataType();
  }

  @Override
  public List<NetworkNode> nodes(List<Integer> inputWidths) {
    return network.nodes(inputWidths);
  }

  @Override
  public List<NetworkLayer> layers() {
    return network.layers();
  }

  @Override
  public ModelArchive.Content content() {
    return network.content();
  }
}

package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.io.ModelArchive;
import dev.deepbuild.summary.LayerTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A graph network, DL4J's {@code ComputationGraph}: Keras's functional models, with named inputs,
 * layers and merges that name what they take, and one or more outputs. With {@link Networks} and
 * {@link GraphConfiguration}, the only classes of the runtime that use {@code ComputationGraph}.
 */
public final class GraphNetwork implements TrainableNetwork {
  private final ComputationGraph graph;
  private final int oneDnnLayers;
  private final Optional<InputType> firstInput;
  private final TrainingOutputs trainingOutputs = new TrainingOutputs();

  /** @param graph an initialized graph */
  public GraphNetwork(ComputationGraph graph) {
    this(graph, Optional.empty());
  }

  /**
   * @param firstInput the type of the graph's first input where no preprocessor holds it, such as
   *     a catalog base's images under a functional model's head; empty to read it as usual
   */
  GraphNetwork(ComputationGraph graph, Optional<InputType> firstInput) {
    this.graph = graph;
    this.firstInput = firstInput;
    this.oneDnnLayers = OneDnn.install(graph.getLayers(), graph.getConfiguration().getDataType());
  }

  @Override
  public int oneDnnLayers() {
    return oneDnnLayers;
  }

  @Override
  public void fit(INDArray[] features, INDArray[] labels) {
    graph.fit(features, labels);
  }

  @Override
  public void fit(INDArray[] features, INDArray[] labels, FittedBatch fitted) {
    trainingOutputs.listenTo(graph);
    trainingOutputs.catchNext();
    graph.fit(features, labels);
    fitted.fitted(graph.score(), trainingOutputs.caught());
  }

  @Override
  public <T> T accept(Dl4jNetworks<T> backend) {
    return backend.graph(graph);
  }

  @Override
  public void endEpoch() {
    graph.incrementEpochCount();
  }

  @Override
  public INDArray[] output(INDArray[] features) {
    return graph.output(false, features);
  }

  @Override
  public double score(MultiDataSet data) {
    return graph.score(data, false);
  }

  @Override
  public double penalty() {
    return graph.calcRegularizationScore(true);
  }

  @Override
  public long parameterCount() {
    return graph.numParams();
  }

  @Override
  public INDArray parameters() {
    return graph.params().dup();
  }

  @Override
  public void setParameters(INDArray parameters) {
    graph.setParams(parameters);
  }

  @Override
  public double learningRate() {
    for (GraphVertex vertex : layerVertices()) {
      Double rate = graph.getLearningRate(vertex.getVertexName());
      if (rate != null) {
        return rate;
      }
    }
    throw new IllegalStateException("no layer of the graph has a learning rate");
  }

  @Override
  public void setLearningRate(double rate) {
    graph.setLearningRate(rate);
  }

  @Override
  public NetworkConfiguration configuration() {
    return NetworkConfiguration.of(graph.getConfiguration());
  }

  @Override
  public DataType dataType() {
    return graph.getConfiguration().getDataType();
  }

  @Override
  public List<NetworkNode> nodes(List<Integer> inputWidths) {
    ComputationGraphConfiguration conf = graph.getConfiguration();
    List<String> names = conf.getNetworkInputs();
    InputType[] inputs = new InputType[names.size()];
    for (int i = 0; i < inputs.length; i++) {
      inputs[i] = Shapes.given(preprocessorOf(conf, names.get(i)), inputWidths.get(i));
    }
    firstInput.ifPresent(type -> inputs[0] = type);
    return nodes(inputs);
  }

  /** The same, for inputs of the given types, one per input of the graph. */
  List<NetworkNode> nodes(InputType[] inputs) {
    ComputationGraphConfiguration conf = graph.getConfiguration();
    List<String> names = conf.getNetworkInputs();
    // On a copy, so the network's configuration stays as built: DL4J applies a layer's
    // preprocessor, such as an image input's, only when allowed to add those it lacks.
    Map<String, InputType> types = conf.clone().getLayerActivationTypes(true, inputs);
    List<NetworkNode> nodes = new ArrayList<>();
    for (int i = 0; i < inputs.length; i++) {
      InputType shown = Shapes.image(preprocessorOf(conf, names.get(i)))
          .<InputType>map(image -> image).orElse(inputs[i]);
      nodes.add(new NetworkNode(names.get(i), LayerTable.INPUT_TYPE, Shapes.keras(shown), 0,
          true));
    }
    conf.getVertices().forEach((name, vertex) -> {
      Layer layer = vertex instanceof LayerVertex layerVertex
          ? layerVertex.getLayerConf().getLayer() : null;
      long params = graph.getVertex(name).numParams();
      nodes.add(new NetworkNode(name,
          layer != null ? layer.getClass().getSimpleName() : vertex.getClass().getSimpleName(),
          Shapes.keras(types.get(name)), params,
          // The configuration names a frozen layer as such; the layer DL4J runs is its inner one.
          layer == null ? params
              : Shapes.frozen(layer) ? 0 : Shapes.trainableParams(graph.getLayer(name))));
    });
    return nodes;
  }

  /**
   * The preprocessor of the first layer or vertex that takes the input, which holds an image
   * input's size; null for none.
   */
  private static InputPreProcessor preprocessorOf(ComputationGraphConfiguration conf,
      String input) {
    return conf.getVertexInputs().entrySet().stream()
        .filter(entry -> entry.getValue().contains(input))
        .map(entry -> conf.getVertices().get(entry.getKey()))
        .map(vertex -> vertex instanceof LayerVertex layer ? layer.getPreProcessor()
            : vertex instanceof PreprocessorVertex reshape ? reshape.getPreProcessor() : null)
        .filter(preprocessor -> Shapes.image(preprocessor).isPresent())
        .findFirst().orElse(null);
  }

  @Override
  public List<NetworkLayer> layers() {
    return layerVertices().stream()
        .map(vertex -> new NetworkLayer(vertex.getLayer().conf().getLayer(),
            vertex.getLayer().numParams()))
        .toList();
  }

  @Override
  public ModelArchive.Content content() {
    return new ModelArchive.Content(graph.getConfiguration().toJson(), graph.params(),
        graph.getUpdater().getStateViewArray());
  }

  /** The vertices that hold a layer, in the order the data reaches them. */
  private List<GraphVertex> layerVertices() {
    GraphVertex[] vertices = graph.getVertices();
    List<GraphVertex> layers = new ArrayList<>();
    for (int index : graph.topologicalSortOrder()) {
      if (vertices[index].hasLayer()) {
        layers.add(vertices[index]);
      }
    }
    return layers;
  }
}

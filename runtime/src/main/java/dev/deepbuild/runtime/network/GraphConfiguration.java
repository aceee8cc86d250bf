package dev.deepbuild.runtime.network;

import dev.deepbuild.build.io.Sha256;
import dev.deepbuild.runtime.InvalidInputException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The configuration of a {@link GraphNetwork}: named inputs, layers and merges that name what
 * they take, and one or more outputs, each with its own loss and loss weight ({@link
 * WeightedLoss}).
 */
record GraphConfiguration(ComputationGraphConfiguration conf) implements NetworkConfiguration {

  @Override
  public TrainableNetwork create(long seed) {
    Nd4j.getRandom().setSeed(seed);
    ComputationGraph graph = new ComputationGraph(conf);
    graph.init();
    return new GraphNetwork(graph);
  }

  @Override
  public DataType dataType() {
    return conf.getDataType();
  }

  @Override
  public List<NetworkOutput> outputs() {
    List<NetworkOutput> outputs = new ArrayList<>();
    for (String name : conf.getNetworkOutputs()) {
      GraphVertex vertex = conf.getVertices().get(name);
      if (!(vertex instanceof LayerVertex layerVertex)
          || !(layerVertex.getLayerConf().getLayer() instanceof BaseOutputLayer layer)
          || layer.getNOut() < 1) {
        throw new InvalidInputException("the graph's output " + name + " is no output layer"
            + " with units; make each output a @Dense layer with a loss.");
      }
      int units = Math.toIntExact(layer.getNOut());
      outputs.add(layer.getLossFn() instanceof WeightedLoss weighted
          ? new NetworkOutput(name, units, weighted.loss(), weighted.weight())
          : new NetworkOutput(name, units, layer.getLossFn(), 1));
    }
    return outputs;
  }

  @Override
  public CustomLayer custom(String name, List<InputType> inputs) {
    GraphVertex vertex = conf.getVertices().get(name);
    if (vertex == null) {
      throw new IllegalArgumentException("the network has no layer or vertex '" + name + "'");
    }
    Object custom = classified(vertex);
    // A SameDiff vertex defines its graph to count its parameters, which needs the data type the
    // network gives it when it is created; a copy keeps the configuration as built.
    GraphVertex typed = vertex.clone();
    typed.setDataType(conf.getDataType());
    return new CustomLayer(custom.getClass().getName(),
        vertex.getOutputType(-1, inputs.toArray(InputType[]::new)), typed.numParams(true));
  }

  @Override
  public void checkInputs(String model, List<Integer> widths) {
    List<String> declared = conf.getNetworkInputs();
    if (declared.size() != widths.size()) {
      throw new InvalidInputException(model + ": the network takes " + declared.size()
          + " inputs " + declared + ", but the data has " + widths.size() + " feature arrays;"
          + " give one per @Input, in declaration order.");
    }
    for (int i = 0; i < declared.size(); i++) {
      long takes = width(declared.get(i));
      if (takes > 0 && takes != widths.get(i)) {
        throw new InvalidInputException(model + ": the input " + declared.get(i) + " takes "
            + takes + " features, but its data has " + widths.get(i) + " columns; give the"
            + " array of input " + (i + 1) + " " + takes + " columns, or change the model's input"
            + " to fit the data.");
      }
    }
  }

  @Override
  public boolean takesTokenIndices(int input) {
    String name = conf.getNetworkInputs().get(input);
    List<String> sparse = new ArrayList<>();
    List<String> other = new ArrayList<>();
    for (Map.Entry<String, List<String>> entry : conf.getVertexInputs().entrySet()) {
      if (entry.getValue().contains(name)) {
        GraphVertex vertex = conf.getVertices().get(entry.getKey());
        boolean bag = vertex instanceof MultiHotConcat || vertex instanceof LayerVertex layer
            && layer.getLayerConf().getLayer() instanceof MultiHotDense;
        (bag ? sparse : other).add(entry.getKey());
      }
    }
    if (!sparse.isEmpty() && !other.isEmpty()) {
      throw new InvalidInputException("the input " + name + " is taken by " + sparse
          + " (a MultiHotDense or MultiHotConcat), which take its word indices, and by " + other
          + ", which take its multi-hot rows; let every layer on it take word indices, or none.");
    }
    return !sparse.isEmpty();
  }

  /**
   * The width the first feed-forward layer that takes {@code vertex} states, through dropout
   * layers, which keep the width; 0 when none states one (a merge takes it, a preprocessor
   * reshapes it, or a convolution takes the images, as an imported Keras base's first layer does).
   */
  private long width(String vertex) {
    for (Map.Entry<String, List<String>> entry : conf.getVertexInputs().entrySet()) {
      if (!entry.getValue().contains(vertex)
          || !(conf.getVertices().get(entry.getKey()) instanceof LayerVertex layer)
          || layer.getPreProcessor() != null) {
        continue;
      }
      if (layer.getLayerConf().getLayer() instanceof DropoutLayer) {
        long through = width(entry.getKey());
        if (through > 0) {
          return through;
        }
      } else if (layer.getLayerConf().getLayer() instanceof FeedForwardLayer dense
          && dense.getNIn() > 0 && !(dense instanceof ConvolutionLayer)) {
        // A convolution's nIn is its images' channels, not the values of an example.
        return dense.getNIn();
      }
    }
    return 0;
  }

  @Override
  public Set<Long> seeds() {
    Set<Long> seeds = new TreeSet<>();
    for (GraphVertex vertex : conf.getVertices().values()) {
      if (vertex instanceof LayerVertex layer) {
        seeds.add(layer.getLayerConf().getSeed());
      }
    }
    return seeds;
  }

  @Override
  public String toJson() {
    return conf.toJson();
  }

  @Override
  public String digest() {
    ComputationGraphConfiguration copy = conf.clone();
    copy.getDefaultConfiguration().setSeed(0);
    for (GraphVertex vertex : copy.getVertices().values()) {
      if (vertex instanceof LayerVertex layer) {
        layer.getLayerConf().setSeed(0);
      }
    }
    return "sha256:" + Sha256.of(copy.toJson()
        + CustomCode.of(conf.getVertices().values().stream().map(GraphConfiguration::classified)));
  }

  /** What a vertex's class is: a layer sits in a LayerVertex; a vertex of the user's is its own. */
  private static Object classified(GraphVertex vertex) {
    return vertex instanceof LayerVertex layer ? layer.getLayerConf().getLayer() : vertex;
  }
}

package dev.deepbuild.runtime.network;

import dev.deepbuild.naming.Nearest;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.io.Sha256;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * A pretrained base with a new head, Keras's {@code conv_base} under a new classifier: the base's
 * layers up to its cut, all frozen ({@code trainable = 0}, feature extraction) or its top {@code
 * trainable} layers trained on at {@code fineTuneLearningRate} (NaN for the model's own), then the
 * head, which the generated code builds as a sequential configuration whose input is the base's
 * output. DL4J's {@code TransferLearning} joins them into one graph.
 *
 * <p>The base is loaded from files, so the configuration is first {@link #locatedIn located}; the
 * training path does that before it asks for anything that needs the base.
 *
 * @param locations where the base's files are, or null before the configuration is located
 */
public record TransferConfiguration(
    PretrainedBase base, MultiLayerConfiguration head, int trainable,
    double fineTuneLearningRate, BaseLocations locations) implements NetworkConfiguration {

  public TransferConfiguration {
    if (trainable < 0) {
      throw new IllegalArgumentException("trainable is 0 or more: " + trainable);
    }
  }

  /** The base with every layer frozen, under {@code head}. */
  TransferConfiguration(PretrainedBase base, MultiLayerConfiguration head) {
    this(base, head, 0, Double.NaN, null);
  }

  /** This configuration with the top {@code layers} of the base trained on. */
  public TransferConfiguration trainable(int layers) {
    return new TransferConfiguration(base, head, layers, fineTuneLearningRate, locations);
  }

  /** This configuration with the base's trained layers at {@code rate}. */
  public TransferConfiguration fineTuneLearningRate(double rate) {
    return new TransferConfiguration(base, head, trainable, rate, locations);
  }

  @Override
  public NetworkConfiguration locatedIn(BaseLocations where) {
    return new TransferConfiguration(base, head, trainable, fineTuneLearningRate, where);
  }

  @Override
  public Optional<String> baseDescription() {
    return Optional.of(base.describe() + (trainable == 0 ? ", frozen"
        : ", its top " + trainable + " layer" + (trainable == 1 ? "" : "s") + " fine-tuned"
            + (Double.isNaN(fineTuneLearningRate) ? "" : " at " + fineTuneLearningRate)));
  }

  @Override
  public TrainableNetwork create(long seed) {
    ComputationGraph loaded = base.load(located());
    BaseCut cut = BaseCut.of(loaded, base.upTo(), base.describe());
    cut.checkTrainable(trainable, base.describe());
    checkHeadTakes(loaded.getVertex(cut.end()));
    Nd4j.getRandom().setSeed(seed);
    TransferLearning.GraphBuilder builder = new TransferLearning.GraphBuilder(loaded)
        .fineTuneConfiguration(fineTuning(seed));
    cut.removed().forEach(builder::removeVertexAndConnections);
    List<String> frozen = cut.layers().subList(0, cut.layers().size() - trainable);
    if (!frozen.isEmpty()) {
      builder.setFeatureExtractor(frozen.toArray(String[]::new));
    }
    String previous = cut.end();
    MultiLayerConfiguration attached = head.clone();
    Optional<InputPreProcessor> carried = carriedOver(loaded, cut);
    if (carried.isPresent() && attached.getInputPreProcess(0) == null) {
      attached.getInputPreProcessors().put(0, carried.get());
    }
    for (int i = 0; i < attached.getConfs().size(); i++) {
      Layer layer = attached.getConf(i).getLayer().clone();
      String name = layer.getLayerName();
      cut.checkFree(name);
      InputPreProcessor preProcessor = attached.getInputPreProcess(i);
      if (preProcessor == null) {
        builder.addLayer(name, layer, previous);
      } else {
        builder.addLayer(name, layer, preProcessor.clone(), previous);
      }
      previous = name;
    }
    builder.setOutputs(previous);
    ComputationGraph graph = builder.build();
    FineTunedNormalization.follow(graph,
        cut.layers().subList(frozen.size(), cut.layers().size()));
    return new TransferNetwork(graph, base.inputType(located()), cut.end(), attached,
        frozen.size() == cut.layers().size());
  }

  /**
   * The preprocessor DL4J keeps on the first layer the cut removes, such as a sequential base's
   * {@code @Flatten} before its output layer: the base's shapes end with it, so the head's first
   * layer takes it over unless the head brings its own.
   */
  private static Optional<InputPreProcessor> carriedOver(ComputationGraph graph, BaseCut cut) {
    ComputationGraphConfiguration conf = graph.getConfiguration();
    for (String name : cut.removed()) {
      if (conf.getVertexInputs().getOrDefault(name, List.of()).contains(cut.end())
          && conf.getVertices().get(name) instanceof LayerVertex vertex
          && vertex.getPreProcessor() != null) {
        return Optional.of(vertex.getPreProcessor().clone());
      }
    }
    return Optional.empty();
  }

  /**
   * The head's first sized layer takes as many values as the base's last dense layer gives. A
   * base that ends in a feature map (a convolution, whose {@code nOut} counts its channels only)
   * is flattened by the head's own preprocessor, which the generated code sized.
   */
  private void checkHeadTakes(GraphVertex end) {
    if (!end.hasLayer() || !(end.getLayer().conf().getLayer() instanceof DenseLayer last)) {
      return;
    }
    for (NeuralNetConfiguration layer : head.getConfs()) {
      if (layer.getLayer() instanceof FeedForwardLayer first && first.getNIn() > 0) {
        if (first.getNIn() != last.getNOut()) {
          throw new InvalidInputException("the head's first layer, " + first.getLayerName()
              + ", takes " + first.getNIn() + " values, but the base's layer '"
              + end.getVertexName() + "' gives " + last.getNOut() + "; rebuild the project so"
              + " the generated code matches " + base.describe() + ".");
        }
        return;
      }
    }
  }

  /**
   * What DL4J applies to the base's layers: the head's optimizer, at the fine-tuning rate when one
   * is given. The head's layers keep the optimizer the generated code set on each.
   */
  private FineTuneConfiguration fineTuning(long seed) {
    FineTuneConfiguration.Builder tuning = new FineTuneConfiguration.Builder().seed(seed);
    updater().ifPresent(updater -> {
      IUpdater base = updater.clone();
      if (!Double.isNaN(fineTuneLearningRate)) {
        base.setLrAndSchedule(fineTuneLearningRate, null);
      }
      tuning.updater(base);
    });
    return tuning.build();
  }

  private Optional<IUpdater> updater() {
    for (NeuralNetConfiguration layer : head.getConfs()) {
      if (layer.getLayer() instanceof BaseLayer baseLayer && baseLayer.getIUpdater() != null) {
        return Optional.of(baseLayer.getIUpdater());
      }
    }
    return Optional.empty();
  }

  @Override
  public DataType dataType() {
    return head.getDataType();
  }

  @Override
  public List<NetworkOutput> outputs() {
    return NetworkConfiguration.of(head).outputs();
  }

  /** The base's own inputs are checked: the head takes what the base gives. */
  @Override
  public void checkInputs(String model, List<Integer> widths) {
    ComputationGraph loaded = base.load(located());
    NetworkConfiguration.of(loaded.getConfiguration()).checkInputs(model, widths);
  }

  @Override
  public CustomLayer custom(String name, List<InputType> inputs) {
    return NetworkConfiguration.of(head).custom(name, inputs);
  }

  @Override
  public Set<Long> seeds() {
    return NetworkConfiguration.of(head).seeds();
  }

  /** The base as it is named, the fine-tuning, and the head's configuration. */
  @Override
  public String toJson() {
    return "{\"base\": \"" + base.describe().replace("\"", "'") + "\", \"trainable\": "
        + trainable + ", \"fineTuneLearningRate\": \"" + fineTuneLearningRate
        + "\", \"head\": " + head.toJson() + "}";
  }

  /** The base's weights, which layers train at which rate, and the head's configuration. */
  @Override
  public String digest() {
    return "sha256:" + Sha256.of(base.describe() + "\n" + base.digest(located()) + "\n"
        + trainable + "\n" + fineTuneLearningRate + "\n" + NetworkConfiguration.of(head).digest());
  }

  private BaseLocations located() {
    if (locations == null) {
      throw new IllegalStateException("the configuration on " + base.describe()
          + " was not located: call locatedIn(BaseLocations) first");
    }
    return locations;
  }

  /**
   * The base's graph cut after a layer: the vertices it keeps (that layer and all it depends on),
   * those it removes, and its kept layers in the order the data reaches them.
   */
  record BaseCut(String end, Set<String> kept, List<String> layers, List<String> removed) {

    static BaseCut of(ComputationGraph graph, String upTo, String base) {
      String end = end(graph, upTo);
      if (graph.getVertex(end) == null) {
        List<String> names = layerNames(graph);
        throw new InvalidInputException("@Pretrained(upTo = \"" + end + "\"): the pretrained base, "
            + base + ", has no layer '" + end + "'; its layers are " + names
            + "; set upTo to one of them." + Nearest.didYouMean(end, names));
      }
      Set<String> kept = ancestors(graph, end);
      List<String> layers = new ArrayList<>();
      List<String> removed = new ArrayList<>();
      for (int index : graph.topologicalSortOrder()) {
        GraphVertex vertex = graph.getVertices()[index];
        if (!kept.contains(vertex.getVertexName())) {
          removed.add(vertex.getVertexName());
        } else if (vertex.hasLayer()) {
          layers.add(vertex.getVertexName());
        }
      }
      return new BaseCut(end, kept, List.copyOf(layers), List.copyOf(removed));
    }

    /** A head layer takes a name the base's kept layers do not have. */
    void checkFree(String name) {
      if (kept.contains(name)) {
        throw new InvalidInputException("the head's layer '" + name
            + "' has the name of a layer of the pretrained base; rename the field.");
      }
    }

    void checkTrainable(int trainable, String base) {
      if (trainable > layers.size()) {
        throw new InvalidInputException("trainable = " + trainable
            + " asks for more layers than " + base + " has: " + layers.size() + " " + layers
            + "; set trainable to " + layers.size() + " or fewer.");
      }
    }

    /** The vertex a base is cut after: {@code upTo}, or the last before its output layers. */
    static String end(ComputationGraph graph, String upTo) {
      return upTo.isEmpty() ? beforeOutputs(graph) : upTo;
    }

    /** A base that ends in output layers ends, without them, at what the first one takes. */
    private static String beforeOutputs(ComputationGraph graph) {
      String output = graph.getConfiguration().getNetworkOutputs().get(0);
      GraphVertex vertex = graph.getVertex(output);
      boolean outputLayer = vertex.hasLayer() && vertex.getLayer() instanceof
          org.deeplearning4j.nn.api.layers.IOutputLayer;
      return outputLayer ? graph.getConfiguration().getVertexInputs().get(output).get(0) : output;
    }

    private static Set<String> ancestors(ComputationGraph graph, String end) {
      Set<String> kept = new LinkedHashSet<>();
      List<String> pending = new ArrayList<>(List.of(end));
      while (!pending.isEmpty()) {
        String name = pending.remove(pending.size() - 1);
        if (kept.add(name)) {
          pending.addAll(graph.getConfiguration().getVertexInputs().getOrDefault(name, List.of()));
        }
      }
      return kept;
    }

    private static List<String> layerNames(ComputationGraph graph) {
      Set<String> seen = new HashSet<>();
      List<String> names = new ArrayList<>();
      for (int index : graph.topologicalSortOrder()) {
        GraphVertex vertex = graph.getVertices()[index];
        if (vertex.hasLayer() && seen.add(vertex.getVertexName())) {
          names.add(vertex.getVertexName());
        }
      }
      return names;
    }
  }
}

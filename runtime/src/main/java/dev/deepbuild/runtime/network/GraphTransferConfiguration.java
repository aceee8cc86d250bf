package dev.deepbuild.runtime.network;

import dev.deepbuild.build.io.Sha256;
import dev.deepbuild.runtime.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A functional model on a pretrained base, Keras's {@code features = base(inputs)}: the base's
 * layers up to its cut, frozen or with their top {@code trainable} layers trained at {@code
 * fineTuneLearningRate} (NaN for the model's own), then the head, a graph whose first input,
 * {@code features}, stands for the base's output. DL4J's {@code TransferLearning} grows the head
 * on the loaded base, so the base's own input is the network's first input (it reads the model's
 * first {@code @Input}) and the head's other inputs follow it in their order.
 *
 * @param features the head's input that is the base's output, named by the base's field
 * @param locations where the base's files are, or null before the configuration is located
 */
public record GraphTransferConfiguration(PretrainedBase base, String features,
    ComputationGraphConfiguration head, int trainable, double fineTuneLearningRate,
    BaseLocations locations) implements NetworkConfiguration {

  public GraphTransferConfiguration {
    if (trainable < 0) {
      throw new IllegalArgumentException("trainable is 0 or more: " + trainable);
    }
    if (!head.getNetworkInputs().get(0).equals(features)) {
      throw new IllegalArgumentException("the head's first input is the base's output, "
          + features + ": " + head.getNetworkInputs());
    }
  }

  /** The base with every layer frozen, under {@code head}. */
  GraphTransferConfiguration(PretrainedBase base, String features,
      ComputationGraphConfiguration head) {
    this(base, features, head, 0, Double.NaN, null);
  }

  /** This configuration with the top {@code layers} of the base trained on. */
  public GraphTransferConfiguration trainable(int layers) {
    return new GraphTransferConfiguration(base, features, head, layers, fineTuneLearningRate,
        locations);
  }

  /** This configuration with the base's trained layers at {@code rate}. */
  public GraphTransferConfiguration fineTuneLearningRate(double rate) {
    return new GraphTransferConfiguration(base, features, head, trainable, rate, locations);
  }

  @Override
  public NetworkConfiguration locatedIn(BaseLocations where) {
    return new GraphTransferConfiguration(base, features, head, trainable, fineTuneLearningRate,
        where);
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
    Nd4j.getRandom().setSeed(seed);
    TransferLearning.GraphBuilder builder = new TransferLearning.GraphBuilder(loaded)
        .fineTuneConfiguration(FineTuning.of(head.getVertices().values().stream()
            .filter(LayerVertex.class::isInstance)
            .map(vertex -> ((LayerVertex) vertex).getLayerConf().getLayer()),
            fineTuneLearningRate, seed));
    cut.removed().forEach(builder::removeVertexAndConnections);
    List<String> frozen = cut.layers().subList(0, cut.layers().size() - trainable);
    if (!frozen.isEmpty()) {
      builder.setFeatureExtractor(frozen.toArray(String[]::new));
    }
    List<String> inputs = head.getNetworkInputs();
    if (inputs.size() > 1) {
      builder.addInputs(inputs.subList(1, inputs.size()).toArray(String[]::new));
    }
    // The base's output as the head takes it: the preprocessor the cut removed with the base's
    // output layer, such as its @Flatten, as a vertex of the head's input's name.
    cut.checkFree(features);
    Optional<InputPreProcessor> carried = cut.carriedOver(loaded);
    carried.ifPresent(reshape ->
        builder.addVertex(features, new PreprocessorVertex(reshape), cut.end()));
    String given = carried.isPresent() ? features : cut.end();
    // The generated code adds each vertex after what it takes.
    head.getVertices().forEach((name, vertex) -> {
      cut.checkFree(name);
      String[] from = head.getVertexInputs().get(name).stream()
          .map(input -> input.equals(features) ? given : input).toArray(String[]::new);
      add(builder, name, vertex, from);
    });
    builder.setOutputs(head.getNetworkOutputs().toArray(String[]::new));
    List<String> headLayers = head.getVertices().entrySet().stream()
        .filter(vertex -> vertex.getValue() instanceof LayerVertex).map(Map.Entry::getKey)
        .toList();
    ComputationGraph graph = builder.build();
    FineTunedNormalization.follow(graph,
        cut.layers().subList(frozen.size(), cut.layers().size()));
    return new TransferNetwork(graph, base.inputType(located()), cut.end(), headLayers,
        Optional.empty(), frozen.size() == cut.layers().size());
  }

  private static void add(TransferLearning.GraphBuilder builder, String name, GraphVertex vertex,
      String[] from) {
    if (vertex instanceof LayerVertex layer) {
      if (layer.getPreProcessor() == null) {
        builder.addLayer(name, layer.getLayerConf().getLayer().clone(), from);
      } else {
        builder.addLayer(name, layer.getLayerConf().getLayer().clone(),
            layer.getPreProcessor().clone(), from);
      }
    } else {
      builder.addVertex(name, vertex.clone(), from);
    }
  }

  @Override
  public DataType dataType() {
    return NetworkConfiguration.of(head).dataType();
  }

  @Override
  public List<NetworkOutput> outputs() {
    return NetworkConfiguration.of(head).outputs();
  }

  /**
   * The base's own input is checked by the base; the head's other inputs as a graph's are, after
   * the base's output, which the head takes as the base gives it.
   */
  @Override
  public void checkInputs(String model, List<Integer> widths) {
    if (widths.size() != head.getNetworkInputs().size()) {
      throw new InvalidInputException(model + ": the network takes "
          + head.getNetworkInputs().size() + " inputs, but the data has " + widths.size()
          + " feature arrays; give one per @Input, in declaration order.");
    }
    ComputationGraph loaded = base.load(located());
    NetworkConfiguration.of(loaded.getConfiguration()).checkInputs(model, widths.subList(0, 1));
  }

  /** The base takes the first input, in its own form; the head's layers take the others. */
  @Override
  public boolean takesTokenIndices(int input) {
    return input == 0 ? base.takesTokenIndices(located())
        : NetworkConfiguration.of(head).takesTokenIndices(input);
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
    return "{\"base\": \"" + base.describe().replace("\"", "'") + "\", \"features\": \""
        + features + "\", \"trainable\": " + trainable + ", \"fineTuneLearningRate\": \""
        + fineTuneLearningRate + "\", \"head\": " + head.toJson() + "}";
  }

  /** The base's weights, which layers train at which rate, and the head's configuration. */
  @Override
  public String digest() {
    return "sha256:" + Sha256.of(base.describe() + "\n" + base.digest(located()) + "\n"
        + features + "\n" + trainable + "\n" + fineTuneLearningRate + "\n"
        + NetworkConfiguration.of(head).digest());
  }

  private BaseLocations located() {
    if (locations == null) {
      throw new IllegalStateException("the configuration on " + base.describe()
          + " was not located: call locatedIn(BaseLocations) first");
    }
    return locations;
  }
}

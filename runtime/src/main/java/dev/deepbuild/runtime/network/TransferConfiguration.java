package dev.deepbuild.runtime.network;

import dev.deepbuild.build.io.Sha256;
import dev.deepbuild.runtime.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

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
        .fineTuneConfiguration(FineTuning.of(
            head.getConfs().stream().map(NeuralNetConfiguration::getLayer),
            fineTuneLearningRate, seed));
    cut.removed().forEach(builder::removeVertexAndConnections);
    List<String> frozen = cut.layers().subList(0, cut.layers().size() - trainable);
    if (!frozen.isEmpty()) {
      builder.setFeatureExtractor(frozen.toArray(String[]::new));
    }
    String previous = cut.end();
    MultiLayerConfiguration attached = head.clone();
    Optional<InputPreProcessor> carried = cut.carriedOver(loaded);
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

  /** The base takes the network's input, in its own form. */
  @Override
  public boolean takesTokenIndices(int input) {
    return base.takesTokenIndices(located());
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
}

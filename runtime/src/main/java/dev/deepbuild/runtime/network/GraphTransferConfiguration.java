package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.transferlearning.TransferLearning;

/**
 * A functional model on a pretrained base, Keras's {@code features = base(inputs)}: the base's
 * layers up to its cut, frozen or with their top {@code trainable} layers trained ({@link
 * TunedBase}), then the head, a graph whose first input, {@code features}, stands for the base's
 * output. DL4J's {@code TransferLearning} grows the head on the loaded base, so the base's own
 * input is the network's first input (it reads the model's first {@code @Input}) and the head's
 * other inputs follow it in their order.
 *
 * @param features the head's input that is the base's output, named by the base's field
 */
public record GraphTransferConfiguration(TunedBase base, String features,
    ComputationGraphConfiguration head) implements OnPretrainedBase<GraphTransferConfiguration> {

  public GraphTransferConfiguration {
    if (!head.getNetworkInputs().get(0).equals(features)) {
      throw new IllegalArgumentException("the head's first input is the base's output, "
          + features + ": " + head.getNetworkInputs());
    }
  }

  /** The base with every layer frozen, under {@code head}. */
  GraphTransferConfiguration(PretrainedBase base, String features,
      ComputationGraphConfiguration head) {
    this(new TunedBase(base), features, head);
  }

  @Override
  public GraphTransferConfiguration withBase(TunedBase tuned) {
    return new GraphTransferConfiguration(tuned, features, head);
  }

  @Override
  public TrainableNetwork create(long seed) {
    TunedBase.Cut cut = base.cut();
    TransferLearning.GraphBuilder builder = cut.builder(head.getVertices().values().stream()
        .filter(LayerVertex.class::isInstance)
        .map(vertex -> ((LayerVertex) vertex).getLayerConf().getLayer()), seed);
    List<String> inputs = head.getNetworkInputs();
    if (inputs.size() > 1) {
      builder.addInputs(inputs.subList(1, inputs.size()).toArray(String[]::new));
    }
    // The base's output as the head takes it: the preprocessor the cut removed with the base's
    // output layer, such as its @Flatten, as a vertex of the head's input's name.
    cut.base().checkFree(features);
    Optional<InputPreProcessor> carried = cut.base().carriedOver(cut.loaded());
    carried.ifPresent(reshape ->
        builder.addVertex(features, new PreprocessorVertex(reshape), cut.base().end()));
    String given = carried.isPresent() ? features : cut.base().end();
    // The generated code adds each vertex after what it takes.
    head.getVertices().forEach((name, vertex) -> {
      cut.base().checkFree(name);
      String[] from = head.getVertexInputs().get(name).stream()
          .map(input -> input.equals(features) ? given : input).toArray(String[]::new);
      add(builder, name, vertex, from);
    });
    builder.setOutputs(head.getNetworkOutputs().toArray(String[]::new));
    List<String> headLayers = head.getVertices().entrySet().stream()
        .filter(vertex -> vertex.getValue() instanceof LayerVertex).map(Map.Entry::getKey)
        .toList();
    return new TransferNetwork(cut.build(builder), base.inputType(), cut.base().end(), headLayers,
        Optional.empty(), cut.allFrozen());
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
    NetworkConfiguration.of(base.load().getConfiguration())
        .checkInputs(model, widths.subList(0, 1));
  }

  /** The base takes the first input, in its own form; the head's layers take the others. */
  @Override
  public boolean takesTokenIndices(int input) {
    return input == 0 ? base.takesTokenIndices()
        : NetworkConfiguration.of(head).takesTokenIndices(input);
  }

  @Override
  public NetworkConfiguration headConfiguration() {
    return NetworkConfiguration.of(head);
  }

  /** The base as it is named, the fine-tuning, and the head's configuration. */
  @Override
  public String toJson() {
    return base.toJson(List.of("\"features\": \"" + features + "\""), head.toJson());
  }

  /** The base's weights, which layers train at which rate, and the head's configuration. */
  @Override
  public String digest() {
    return base.digest(List.of(features), NetworkConfiguration.of(head).digest());
  }
}

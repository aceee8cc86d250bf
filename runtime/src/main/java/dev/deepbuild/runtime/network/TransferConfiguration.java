package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.InvalidInputException;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.transferlearning.TransferLearning;

/**
 * A pretrained base with a new head, Keras's {@code conv_base} under a new classifier: the base's
 * layers up to its cut, frozen or with their top {@code trainable} layers trained ({@link
 * TunedBase}), then the head, which the generated code builds as a sequential configuration whose
 * input is the base's output. DL4J's {@code TransferLearning} joins them into one graph.
 *
 * <p>The base is loaded from files, so the configuration is first {@link #locatedIn located}; the
 * training path does that before it asks for anything that needs the base.
 */
public record TransferConfiguration(TunedBase base, MultiLayerConfiguration head)
    implements OnPretrainedBase<TransferConfiguration> {

  /** The base with every layer frozen, under {@code head}. */
  TransferConfiguration(PretrainedBase base, MultiLayerConfiguration head) {
    this(new TunedBase(base), head);
  }

  @Override
  public TransferConfiguration withBase(TunedBase tuned) {
    return new TransferConfiguration(tuned, head);
  }

  @Override
  public TrainableNetwork create(long seed) {
    TunedBase.Cut cut = base.cut();
    checkHeadTakes(cut.loaded().getVertex(cut.base().end()));
    TransferLearning.GraphBuilder builder = cut.builder(
        head.getConfs().stream().map(NeuralNetConfiguration::getLayer), seed);
    String previous = cut.base().end();
    MultiLayerConfiguration attached = head.clone();
    Optional<InputPreProcessor> carried = cut.base().carriedOver(cut.loaded());
    if (carried.isPresent() && attached.getInputPreProcess(0) == null) {
      attached.getInputPreProcessors().put(0, carried.get());
    }
    for (int i = 0; i < attached.getConfs().size(); i++) {
      Layer layer = attached.getConf(i).getLayer().clone();
      String name = layer.getLayerName();
      cut.base().checkFree(name);
      InputPreProcessor preProcessor = attached.getInputPreProcess(i);
      if (preProcessor == null) {
        builder.addLayer(name, layer, previous);
      } else {
        builder.addLayer(name, layer, preProcessor.clone(), previous);
      }
      previous = name;
    }
    builder.setOutputs(previous);
    return new TransferNetwork(cut.build(builder), base.inputType(), cut.base().end(), attached,
        cut.allFrozen());
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
              + " the generated code matches " + base.pretrained().describe() + ".");
        }
        return;
      }
    }
  }

  /** The base's own inputs are checked: the head takes what the base gives. */
  @Override
  public void checkInputs(String model, List<Integer> widths) {
    NetworkConfiguration.of(base.load().getConfiguration()).checkInputs(model, widths);
  }

  /** The base takes the network's input, in its own form. */
  @Override
  public boolean takesTokenIndices(int input) {
    return base.takesTokenIndices();
  }

  @Override
  public NetworkConfiguration headConfiguration() {
    return NetworkConfiguration.of(head);
  }

  /** The base as it is named, the fine-tuning, and the head's configuration. */
  @Override
  public String toJson() {
    return base.toJson(List.of(), head.toJson());
  }

  /** The base's weights, which layers train at which rate, and the head's configuration. */
  @Override
  public String digest() {
    return base.digest(List.of(), NetworkConfiguration.of(head).digest());
  }
}

package dev.deepbuild.runtime.network;

import dev.deepbuild.build.io.Sha256;
import dev.deepbuild.runtime.InvalidInputException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.BaseOutputLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/** The configuration of a {@link SequentialNetwork}: one input, layers in order, one output. */
record SequentialConfiguration(MultiLayerConfiguration conf) implements NetworkConfiguration {

  @Override
  public TrainableNetwork create(long seed) {
    Nd4j.getRandom().setSeed(seed);
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return new SequentialNetwork(net);
  }

  @Override
  public DataType dataType() {
    return conf.getDataType();
  }

  @Override
  public List<NetworkOutput> outputs() {
    Layer last = conf.getConf(conf.getConfs().size() - 1).getLayer();
    if (!(last instanceof BaseOutputLayer layer) || layer.getNOut() < 1) {
      throw new InvalidInputException("the network's last layer, "
          + last.getClass().getSimpleName() + ", states no output units; end the model with a"
          + " @Dense layer, the output layer.");
    }
    return List.of(new NetworkOutput(String.valueOf(layer.getLayerName()),
        Math.toIntExact(layer.getNOut()), layer.getLossFn(), 1));
  }

  @Override
  public void checkInputs(String model, List<Integer> widths) {
    int features = widths.get(0);
    Optional<InputType.InputTypeConvolutional> image = Shapes.image(conf.getInputPreProcess(0));
    if (image.isPresent()) {
      long values = image.get().arrayElementsPerExample();
      if (values != features) {
        throw new InvalidInputException(model + ": the network takes images of "
            + image.get().getHeight() + " x " + image.get().getWidth() + " pixels of "
            + image.get().getChannels() + " channels, " + values + " values, but the data has "
            + features + "; rebuild the project so the generated code matches the data.");
      }
      return;
    }
    for (NeuralNetConfiguration layerConf : conf.getConfs()) {
      // A leading dropout layer states no input size; the first layer that does is checked.
      if (layerConf.getLayer() instanceof FeedForwardLayer layer && layer.getNIn() > 0) {
        if (layer.getNIn() != features) {
          throw new InvalidInputException(model + ": the first layer, " + layer.getLayerName()
              + ", takes " + layer.getNIn() + " inputs, but the data has " + features
              + " features; rebuild the project so the generated code matches the data.");
        }
        return;
      }
    }
  }

  @Override
  public boolean takesTokenIndices(int input) {
    return conf.getConf(0).getLayer() instanceof MultiHotDense;
  }

  @Override
  public CustomLayer custom(String name, List<InputType> inputs) {
    for (int i = 0; i < conf.getConfs().size(); i++) {
      Layer layer = conf.getConf(i).getLayer();
      if (name.equals(layer.getLayerName())) {
        return new CustomLayer(layer.getClass().getName(), layer.getOutputType(i, inputs.get(0)),
            layer.initializer().numParams(layer));
      }
    }
    throw new IllegalArgumentException("the network has no layer '" + name + "'");
  }

  @Override
  public Set<Long> seeds() {
    return conf.getConfs().stream().map(NeuralNetConfiguration::getSeed)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  @Override
  public String toJson() {
    return conf.toJson();
  }

  @Override
  public String digest() {
    MultiLayerConfiguration copy = conf.clone();
    copy.getConfs().forEach(layer -> layer.setSeed(0));
    return "sha256:" + Sha256.of(copy.toJson()
        + CustomCode.of(conf.getConfs().stream().map(NeuralNetConfiguration::getLayer)));
  }
}

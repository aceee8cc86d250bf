package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.io.ModelArchive;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * A sequential network, DL4J's {@code MultiLayerNetwork}: the layers of a Keras
 * {@code Sequential} model, one after another. With {@link Networks}, which creates and loads
 * it, the only class of the runtime that uses {@code MultiLayerNetwork}.
 */
public final class SequentialNetwork implements TrainableNetwork {
  private final MultiLayerNetwork net;
  private final int oneDnnLayers;
  private final TrainingOutputs trainingOutputs = new TrainingOutputs();
  /** Fits the minibatches of a small dense network without DL4J's per-call costs. */
  private final Optional<SmallDenseFit> smallDense;

  /** @param net an initialized network */
  public SequentialNetwork(MultiLayerNetwork net) {
    this.net = net;
    this.oneDnnLayers = OneDnn.install(net.getLayers(),
        net.getLayerWiseConfigurations().getDataType());
    this.smallDense = SmallDenseFit.of(net);
  }

  @Override
  public int oneDnnLayers() {
    return oneDnnLayers;
  }

  @Override
  public void fit(INDArray[] features, INDArray[] labels) {
    Optional<SmallDenseFit> small = smallDense(features[0], labels[0]);
    if (small.isPresent()) {
      small.get().fit(features[0], labels[0]);
    } else {
      net.fit(features[0], labels[0]);
    }
  }

  @Override
  public void fit(INDArray[] features, INDArray[] labels, FittedBatch fitted) {
    Optional<SmallDenseFit> small = smallDense(features[0], labels[0]);
    if (small.isPresent()) {
      double loss = small.get().fit(features[0], labels[0]);
      fitted.fitted(loss, new INDArray[] {small.get().outputs()});
      return;
    }
    trainingOutputs.listenTo(net);
    trainingOutputs.catchNext();
    net.fit(features[0], labels[0]);
    fitted.fitted(net.score(), trainingOutputs.caught());
  }

  /**
   * The Java fit for this minibatch, if the network qualifies and no listener but the one catching
   * training outputs (which the Java fit gives itself) expects DL4J's callbacks.
   */
  private Optional<SmallDenseFit> smallDense(INDArray features, INDArray labels) {
    return smallDense.filter(small -> small.takes(features, labels)
        && net.getListeners().stream().allMatch(listener -> listener == trainingOutputs));
  }

  @Override
  public <T> T accept(Dl4jNetworks<T> backend) {
    return backend.sequential(net);
  }

  @Override
  public void endEpoch() {
    net.incrementEpochCount();
  }

  @Override
  public INDArray[] output(INDArray[] features) {
    return new INDArray[] {net.output(features[0], false)};
  }

  @Override
  public double score(MultiDataSet data) {
    return net.score(new DataSet(data.getFeatures(0), data.getLabels(0)), false);
  }

  @Override
  public double penalty() {
    return net.calcRegularizationScore(true);
  }

  @Override
  public long parameterCount() {
    return net.numParams();
  }

  @Override
  public INDArray parameters() {
    return net.params().dup();
  }

  @Override
  public void setParameters(INDArray parameters) {
    net.setParams(parameters);
  }

  @Override
  public double learningRate() {
    for (int layer = 0; layer < net.getnLayers(); layer++) {
      Double rate = net.getLearningRate(layer);
      if (rate != null) {
        return rate;
      }
    }
    throw new IllegalStateException("no layer of the network has a learning rate");
  }

  @Override
  public void setLearningRate(double rate) {
    net.setLearningRate(rate);
  }

  @Override
  public NetworkConfiguration configuration() {
    return NetworkConfiguration.of(net.getLayerWiseConfigurations());
  }

  @Override
  public DataType dataType() {
    return net.getLayerWiseConfigurations().getDataType();
  }

  @Override
  public List<NetworkNode> nodes(List<Integer> inputWidths) {
    MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
    List<InputType> types = conf.getLayerActivationTypes(
        Shapes.given(conf.getInputPreProcess(0), inputWidths.get(0)));
    List<NetworkNode> nodes = new ArrayList<>(net.getnLayers());
    for (int i = 0; i < net.getnLayers(); i++) {
      Layer layer = conf.getConf(i).getLayer();
      nodes.add(new NetworkNode(layer.getLayerName(), layer.getClass().getSimpleName(),
          Shapes.keras(types.get(i)), net.getLayer(i).numParams(),
          Shapes.trainableParams(net.getLayer(i))));
    }
    return nodes;
  }

  @Override
  public List<NetworkLayer> layers() {
    List<NetworkLayer> layers = new ArrayList<>(net.getnLayers());
    for (int i = 0; i < net.getnLayers(); i++) {
      layers.add(new NetworkLayer(net.getLayerWiseConfigurations().getConf(i).getLayer(),
          net.getLayer(i).numParams()));
    }
    return layers;
  }

  @Override
  public ModelArchive.Content content() {
    return new ModelArchive.Content(net.getLayerWiseConfigurations().toJson(), net.params(),
        net.getUpdater().getStateViewArray());
  }
}

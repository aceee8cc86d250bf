package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.io.ModelArchive;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.transferlearning.TransferLearningHelper;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * What trains of a network on a pretrained base, on the outputs of its frozen layers ({@link
 * FeatureExtraction}): the head alone on a frozen base, or the base's fine-tuned top layers with the
 * head, each a network of its own that starts from the whole network's initial parameters and
 * whose trained parameters go back into the whole network before it is saved.
 */
final class FrozenBaseHead implements FeatureExtraction, TrainableNetwork {
  /**
   * Rows per forward pass through the base, which bounds the memory of its activations: DL4J keeps
   * every layer's activations of a pass up to the base's end, and for MobileNetV2 at 96x96 those
   * of 256 images outgrew a 24 GB machine.
   */
  private static final int CHUNK = 32;

  private final ComputationGraph whole;
  private final String baseEnd;
  private final TrainableNetwork head;
  private final Map<String, org.deeplearning4j.nn.api.Layer> headLayers;
  private final String computed;

  /**
   * @param baseEnd the frozen vertex whose outputs the trained part takes
   * @param head the trained part, on those outputs
   * @param headLayers its layers by name, which the whole network names alike
   * @param computed what the outputs computed once are, for the log
   */
  private FrozenBaseHead(ComputationGraph whole, String baseEnd, TrainableNetwork head,
      Map<String, org.deeplearning4j.nn.api.Layer> headLayers, String computed) {
    this.whole = whole;
    this.baseEnd = baseEnd;
    this.head = head;
    this.headLayers = headLayers;
    this.computed = computed;
    headLayers.forEach((name, layer) -> {
      if (layer.numParams() > 0) {
        layer.setParams(whole.getLayer(name).params().dup());
      }
    });
  }

  /** The head alone, a sequential network, on a base whose every layer is frozen. */
  static FrozenBaseHead onFrozenBase(ComputationGraph whole, String baseEnd,
      MultiLayerNetwork head) {
    Map<String, org.deeplearning4j.nn.api.Layer> layers = new LinkedHashMap<>();
    for (int i = 0; i < head.getnLayers(); i++) {
      layers.put(head.getLayer(i).conf().getLayer().getLayerName(), head.getLayer(i));
    }
    return new FrozenBaseHead(whole, baseEnd, new SequentialNetwork(head), layers,
        "the pretrained base is frozen, so its outputs are");
  }

  /**
   * The layers that train, as a graph of their own on the outputs of the frozen layers, when one
   * frozen vertex gives all they take (DL4J's {@code TransferLearningHelper} cuts it); empty
   * otherwise, when the network trains as a whole.
   *
   * @param trained the trained graph as the network to fit: it keeps the head's rate as the one a
   *     schedule reads and sets
   */
  static Optional<FrozenBaseHead> onFrozenLayers(ComputationGraph whole,
      Function<ComputationGraph, TrainableNetwork> trained) {
    ComputationGraph top = new TransferLearningHelper(whole).unfrozenGraph();
    List<String> inputs = top.getConfiguration().getNetworkInputs();
    if (inputs.size() != 1 || whole.getConfiguration().getNetworkInputs().contains(inputs.get(0))) {
      return Optional.empty();
    }
    Map<String, org.deeplearning4j.nn.api.Layer> layers = new LinkedHashMap<>();
    for (org.deeplearning4j.nn.api.Layer layer : top.getLayers()) {
      layers.put(layer.conf().getLayer().getLayerName(), layer);
    }
    return Optional.of(new FrozenBaseHead(whole, inputs.get(0), trained.apply(top), layers,
        "the pretrained base is frozen up to " + inputs.get(0) + ", so the outputs there are"));
  }

  @Override
  public String computed() {
    return computed;
  }

  /** The head's layers that oneDNN computes: the base's outputs are computed once, before. */
  @Override
  public int oneDnnLayers() {
    return head.oneDnnLayers();
  }

  /**
   * The base's outputs for every row, {@link #CHUNK} rows a pass, each pass holding a layer's
   * activations only until the layers after it have read them ({@link VertexOutput}).
   */
  @Override
  public MultiDataSet features(MultiDataSet data) {
    VertexOutput end = new VertexOutput(whole, baseEnd);
    long rows = data.getFeatures(0).size(0);
    INDArray features = null;
    for (long start = 0; start < rows; start += CHUNK) {
      long stop = Math.min(start + CHUNK, rows);
      INDArray[] inputs = new INDArray[data.numFeatureArrays()];
      for (int i = 0; i < inputs.length; i++) {
        inputs[i] = data.getFeatures(i).get(NDArrayIndex.interval(start, stop));
      }
      INDArray chunk = end.of(inputs);
      if (features == null) {
        // Written in place, a pass at a time: no list of passes to join at the end.
        long[] shape = chunk.shape().clone();
        shape[0] = rows;
        features = Nd4j.create(chunk.dataType(), shape);
      }
      features.get(NDArrayIndex.interval(start, stop)).assign(chunk);
      VertexOutput.closeUnlessShared(chunk, inputs);
      NativeGarbage.collectIfAbove();
    }
    if (features == null) {
      throw new IllegalArgumentException("No rows to compute the frozen base's features of");
    }
    return new org.nd4j.linalg.dataset.MultiDataSet(new INDArray[] {features}, data.getLabels());
  }

  @Override
  public TrainableNetwork head() {
    return this;
  }

  @Override
  public void fit(INDArray[] features, INDArray[] labels) {
    head.fit(features, labels);
  }

  /** The part that trains: the head, whose parameters {@link #save} puts into the whole network. */
  @Override
  public <T> T accept(Dl4jNetworks<T> backend) {
    return head.accept(backend);
  }

  @Override
  public void fit(INDArray[] features, INDArray[] labels, FittedBatch fitted) {
    head.fit(features, labels, fitted);
  }

  @Override
  public void endEpoch() {
    head.endEpoch();
    whole.incrementEpochCount();
  }

  @Override
  public INDArray[] output(INDArray[] features) {
    return head.output(features);
  }

  @Override
  public double score(MultiDataSet data) {
    return head.score(data);
  }

  @Override
  public double penalty() {
    return head.penalty();
  }

  /** The whole network's, base and head: the count a summary and a report show. */
  @Override
  public long parameterCount() {
    return whole.numParams();
  }

  @Override
  public INDArray parameters() {
    return head.parameters();
  }

  @Override
  public void setParameters(INDArray parameters) {
    head.setParameters(parameters);
  }

  @Override
  public double learningRate() {
    return head.learningRate();
  }

  @Override
  public void setLearningRate(double rate) {
    head.setLearningRate(rate);
  }

  @Override
  public NetworkConfiguration configuration() {
    return NetworkConfiguration.of(whole.getConfiguration());
  }

  @Override
  public DataType dataType() {
    return head.dataType();
  }

  @Override
  public List<NetworkNode> nodes(List<Integer> inputWidths) {
    return new GraphNetwork(wholeWithHead()).nodes(inputWidths);
  }

  @Override
  public List<NetworkLayer> layers() {
    return new GraphNetwork(wholeWithHead()).layers();
  }

  @Override
  public ModelArchive.Content content() {
    return new GraphNetwork(wholeWithHead()).content();
  }

  /** The whole network with the head's parameters as they are now. */
  private ComputationGraph wholeWithHead() {
    headLayers.forEach((name, layer) -> {
      if (layer.numParams() > 0) {
        whole.getLayer(name).setParams(layer.params());
      }
    });
    return whole;
  }
}

package dev.deepbuild.runtime.network;

import java.util.Collection;
import java.util.Map;
import org.deeplearning4j.nn.api.ParamInitializer;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.LayerValidation;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.optimize.api.TrainingListener;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A dense layer on multi-hot texts that takes each text as the indices of its words rather than
 * as its 0/1 row: Keras's {@code Dense} after {@code TextVectorization(output_mode="multi_hot")},
 * computed as an embedding bag. A row's pre-activation is the sum of the weight rows of its words
 * plus the bias, which is exactly the dense product with the 0/1 row, so a 10,000-word vocabulary
 * costs the ~130 rows an IMDB review has instead of a 10,000-wide product, and no split is ever
 * made dense.
 *
 * <p>{@code nIn} is the vocabulary's width, as for DL4J's {@code DenseLayer}: the weights are the
 * same {@code [nIn, nOut]} matrix, initialized by the same {@link DefaultParamInitializer}, so a
 * seed gives the same weights, and L1, L2, max-norm and the updater act on them as on a dense
 * layer's. The input is a matrix {@code [batch, k]} of word indices in the network's data type,
 * each row's indices first and negative values (padding) after them, as {@code
 * EncodedTexts.toTokenIndices} writes it. Dropout on the input is refused: DL4J's would drop
 * indices, not words.
 */
public class MultiHotDense extends FeedForwardLayer {

  /** For Jackson, which reads the layer back from a saved configuration. */
  public MultiHotDense() {}

  private MultiHotDense(Builder builder) {
    super(builder);
    initializeConstraints(builder);
    checkNoInputDropout();
  }

  @Override
  public org.deeplearning4j.nn.api.Layer instantiate(NeuralNetConfiguration conf,
      Collection<TrainingListener> listeners, int layerIndex, INDArray layerParamsView,
      boolean initializeParams, DataType networkDataType) {
    LayerValidation.assertNInNOutSet("MultiHotDense", getLayerName(), layerIndex, getNIn(),
        getNOut());
    checkNoInputDropout();
    MultiHotDenseLayer layer = new MultiHotDenseLayer(conf, networkDataType);
    layer.setListeners(listeners);
    layer.setIndex(layerIndex);
    layer.setParamsViewArray(layerParamsView);
    Map<String, INDArray> params = initializer().init(conf, layerParamsView, initializeParams);
    layer.setParamTable(params);
    layer.setConf(conf);
    return layer;
  }

  /** DenseLayer's: weights {@code [nIn, nOut]} then the bias, initialized alike. */
  @Override
  public ParamInitializer initializer() {
    return DefaultParamInitializer.getInstance();
  }

  @Override
  public LayerMemoryReport getMemoryReport(InputType inputType) {
    long params = initializer().numParams(this);
    long updaterState = getIUpdater() == null ? 0 : getIUpdater().stateSize(params);
    return new LayerMemoryReport.Builder(getLayerName(), MultiHotDense.class, inputType,
        getOutputType(-1, inputType))
        .standardMemory(params, updaterState)
        .workingMemory(0, 0, MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
        .cacheMemory(MemoryReport.CACHE_MODE_ALL_ZEROS, MemoryReport.CACHE_MODE_ALL_ZEROS)
        .build();
  }

  private void checkNoInputDropout() {
    if (getIDropout() != null) {
      throw new IllegalArgumentException("MultiHotDense " + getLayerName() + " takes word"
          + " indices, which dropout on its input would drop instead of words; put the dropout"
          + " after the layer, or use DenseLayer on the multi-hot rows.");
    }
  }

  /** Builds a {@link MultiHotDense}: {@code nIn} (the vocabulary's width), {@code nOut} and the rest. */
  public static class Builder extends FeedForwardLayer.Builder<Builder> {
    @Override
    @SuppressWarnings("unchecked")
    public MultiHotDense build() {
      return new MultiHotDense(this);
    }
  }
}

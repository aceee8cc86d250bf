package dev.deepbuild.runtime.network;

import org.deeplearning4j.exception.DL4JInvalidInputException;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.gradient.DefaultGradient;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.layers.BaseLayer;
import org.deeplearning4j.nn.params.DefaultParamInitializer;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The running {@link MultiHotDense}: DL4J's dense layer with the product of the input and the
 * weights replaced by {@link WordBags}. Activations and gradients go where DL4J's own layers put
 * them (the activations workspace, the network's gradient views); the input gets no gradient, as
 * DL4J's embedding layers give none, since nothing before the first layer learns.
 *
 * <p>The backward pass takes the pre-activations of the training pass just before it on the same
 * input, kept in a Java array, where DL4J's dense layer computes them again: on multi-hot rows that
 * product is a third of the layer's work; and the word indices that pass read, in arrays the next
 * minibatch reuses. (Kept as a detached native array each minibatch, they
 * left native memory to the garbage collector, and epochs took up to twice as long.)
 */
public class MultiHotDenseLayer extends BaseLayer<MultiHotDense> {
  /** The input of the last forward pass, whose word indices {@link #indices} holds; or null. */
  private INDArray parsedFor;
  private WordBags.Indices indices;
  /** The input of the last training pass, whose pre-activations {@link #kept} holds; or null. */
  private INDArray keptFor;
  private double[] kept;

  public MultiHotDenseLayer(NeuralNetConfiguration conf, DataType dataType) {
    super(conf, dataType);
  }

  @Override
  protected INDArray preOutput(boolean training, LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(false);
    INDArray weights = getParamWithNoise(DefaultParamInitializer.WEIGHT_KEY, training,
        workspaceMgr);
    INDArray bias = getParamWithNoise(DefaultParamInitializer.BIAS_KEY, training, workspaceMgr);
    INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, weights.dataType(),
        input.size(0), weights.size(1));
    WordBags.forward(readWordIndices(), weights, bias, z);
    if (maskArray != null) {
      applyMask(z);
    }
    if (training) {
      kept = WordBags.copy(z, kept);
      keptFor = input;
    }
    return z;
  }

  /**
   * Reads the input's word indices, for this forward pass and the backward pass after it. Read
   * again at every forward pass: a minibatch's rows may come in the same array as the last one's.
   */
  private WordBags.Indices readWordIndices() {
    if (input.rank() != 2) {
      throw new DL4JInvalidInputException("MultiHotDense takes a matrix of word indices"
          + " [batch, k], not shape " + java.util.Arrays.toString(input.shape()) + " "
          + layerId());
    }
    indices = WordBags.Indices.of(input.castTo(dataType), Math.toIntExact(layerConf().getNIn()),
        indices);
    parsedFor = input;
    return indices;
  }

  /** The training pass's pre-activations when they are of this input, else computed again. */
  private INDArray trainingPreOutput(LayerWorkspaceMgr workspaceMgr) {
    if (keptFor != input) {
      return preOutput(true, workspaceMgr);
    }
    INDArray z = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
        input.size(0), layerConf().getNOut());
    WordBags.paste(kept, z);
    keptFor = null;
    return z;
  }

  @Override
  protected Pair<INDArray, INDArray> preOutputWithPreNorm(boolean training, boolean forBackprop,
      LayerWorkspaceMgr workspaceMgr) {
    INDArray z = preOutput(training, workspaceMgr);
    return new Pair<>(z, z);
  }

  @Override
  public INDArray activate(boolean training, LayerWorkspaceMgr workspaceMgr) {
    INDArray z = preOutput(training, workspaceMgr);
    INDArray activations = layerConf().getActivationFn().getActivation(z, training);
    if (maskArray != null) {
      applyMask(activations);
    }
    return activations;
  }

  @Override
  public Pair<Gradient, INDArray> backpropGradient(INDArray epsilon,
      LayerWorkspaceMgr workspaceMgr) {
    assertInputSet(true);
    INDArray z = trainingPreOutput(workspaceMgr);
    INDArray delta = layerConf().getActivationFn().backprop(z, epsilon).getFirst();
    if (maskArray != null) {
      applyMask(delta);
    }
    Gradient gradient = new DefaultGradient();
    INDArray weightGradient = gradientViews.get(DefaultParamInitializer.WEIGHT_KEY);
    WordBags.weightGradient(parsedFor == input ? indices : readWordIndices(), delta,
        weightGradient);
    gradient.gradientForVariable().put(DefaultParamInitializer.WEIGHT_KEY, weightGradient);
    INDArray biasGradient = gradientViews.get(DefaultParamInitializer.BIAS_KEY);
    delta.sum(biasGradient, 0);
    gradient.gradientForVariable().put(DefaultParamInitializer.BIAS_KEY, biasGradient);
    weightNoiseParams.clear();
    return new Pair<>(gradient, null);
  }

  @Override
  public boolean isPretrainLayer() {
    return false;
  }

  @Override
  public boolean hasBias() {
    return true;
  }
}

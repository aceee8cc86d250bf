package dev.deepbuild.runtime.network;

import java.nio.FloatBuffer;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.BackpropType;
import org.deeplearning4j.nn.conf.GradientNormalization;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.api.OptimizationAlgorithm;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.FeedForwardLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.RmsProp;

/**
 * Fits a minibatch of a small dense network in Java, on the network's own parameters and RMSprop
 * state, where DL4J spends its time elsewhere: a fit of Boston's 13-64-64-1 network on 16 rows is
 * about 250,000 multiply-adds, a fraction of a millisecond, while DL4J's fit makes some 70 native
 * calls and allocates a shape buffer for each array it creates, 1.3-1.5 ms in all.
 *
 * <p>Only networks whose every step is computed here as DL4J computes it qualify: dense layers with
 * biases and one of the {@link DenseActivation}s, an output layer with one of the
 * {@link DenseLoss}es, RMSprop everywhere without a schedule, no regularization, dropout, weight
 * noise, constraints, gradient normalization or preprocessors, FLOAT data on the CPU backend. A
 * fit reads the parameters and the updater state from the network's memory and writes them back,
 * so DL4J and this class can fit the same network in turns and every other use of the network
 * (output, evaluation, checkpoints, transfer) sees the weights as DL4J would have left them, up to
 * the order of float additions.
 */
final class SmallDenseFit {
  /**
   * The most multiply-adds of one forward pass (parameters times rows) fitted here: beyond it
   * OpenBLAS's matrix products outrun these loops by more than DL4J's per-call costs (one thread,
   * per minibatch: 1.1-1.3 million, 1.1-1.5 ms here against 2.8-4.1 ms in DL4J; 4.5-4.7 million,
   * 3.8-4.8 ms against 3.2-3.8 ms).
   */
  static final long MAX_MULTIPLY_ADDS = 1 << 21;

  private final MultiLayerNetwork net;
  /** The inputs' width, then each layer's outputs. */
  private final int[] widths;
  private final DenseActivation[] activations;
  private final DenseLoss loss;
  private final RmsProp rmsProp;
  /** Where each layer's weights begin in the flattened parameters; its biases follow them. */
  private final int[] weightsAt;
  private final float[] params;
  private final float[] state;
  private final float[] gradient;
  /** The batch's inputs, then each layer's activations, row after row. */
  private final float[][] activated;
  private final float[][] deltas;
  private float[] labels;
  private int capacity;
  private int rows;

  private SmallDenseFit(MultiLayerNetwork net, int[] widths, DenseActivation[] activations,
      DenseLoss loss, RmsProp rmsProp) {
    this.net = net;
    this.widths = widths;
    this.activations = activations;
    this.loss = loss;
    this.rmsProp = rmsProp;
    int layers = activations.length;
    this.weightsAt = new int[layers];
    int at = 0;
    for (int l = 0; l < layers; l++) {
      weightsAt[l] = at;
      at += widths[l] * widths[l + 1] + widths[l + 1];
    }
    this.params = new float[at];
    this.state = new float[at];
    this.gradient = new float[at];
    this.activated = new float[layers + 1][];
    this.deltas = new float[layers][];
  }

  /** The network's fit in Java, if its configuration is one computed here. */
  static Optional<SmallDenseFit> of(MultiLayerNetwork net) {
    MultiLayerConfiguration conf = net.getLayerWiseConfigurations();
    List<NeuralNetConfiguration> confs = conf.getConfs();
    if (!Nd4j.getEnvironment().isCPU() || conf.getDataType() != DataType.FLOAT
        || conf.getBackpropType() != BackpropType.Standard
        || !conf.getInputPreProcessors().isEmpty() || confs.isEmpty()) {
      return Optional.empty();
    }
    int layers = confs.size();
    int[] widths = new int[layers + 1];
    DenseActivation[] activations = new DenseActivation[layers];
    IUpdater updater = null;
    DenseLoss loss = null;
    for (int l = 0; l < layers; l++) {
      NeuralNetConfiguration layerConf = confs.get(l);
      Layer layer = layerConf.getLayer();
      boolean last = l == layers - 1;
      Class<?> expected = last ? OutputLayer.class : DenseLayer.class;
      if (layer.getClass() != expected || !plain(layerConf, (BaseLayer) layer)) {
        return Optional.empty();
      }
      FeedForwardLayer dense = (FeedForwardLayer) layer;
      widths[l] = Math.toIntExact(dense.getNIn());
      widths[l + 1] = Math.toIntExact(dense.getNOut());
      Optional<DenseActivation> activation = DenseActivation.of(((BaseLayer) layer).getActivationFn());
      if (activation.isEmpty() || (!last && activation.get().perRow())) {
        return Optional.empty();
      }
      activations[l] = activation.get();
      IUpdater own = ((BaseLayer) layer).getIUpdater();
      if (updater != null && !updater.equals(own)) {
        return Optional.empty();
      }
      updater = own;
      if (last) {
        OutputLayer output = (OutputLayer) layer;
        Optional<DenseLoss> outputLoss = DenseLoss.of(output.getLossFn());
        if (!output.hasBias() || outputLoss.isEmpty() || !outputLoss.get().pairs(activations[l])) {
          return Optional.empty();
        }
        loss = outputLoss.get();
      } else if (!((DenseLayer) layer).hasBias() || ((DenseLayer) layer).hasLayerNorm()) {
        return Optional.empty();
      }
    }
    if (!(updater instanceof RmsProp rmsProp) || rmsProp.getLearningRateSchedule() != null) {
      return Optional.empty();
    }
    return Optional.of(new SmallDenseFit(net, widths, activations, loss, rmsProp));
  }

  /** A layer that adds nothing to its dense step and RMSprop update. */
  private static boolean plain(NeuralNetConfiguration conf, BaseLayer layer) {
    IUpdater biasUpdater = layer.getBiasUpdater();
    return conf.isMiniBatch() && conf.isMinimize() && conf.getStepFunction() == null
        && conf.getOptimizationAlgo() == OptimizationAlgorithm.STOCHASTIC_GRADIENT_DESCENT
        && (biasUpdater == null || biasUpdater.equals(layer.getIUpdater()))
        && empty(layer.getRegularization()) && empty(layer.getRegularizationBias())
        && layer.getIDropout() == null && layer.getWeightNoise() == null
        && empty(layer.getConstraints())
        && (layer.getGradientNormalization() == null
            || layer.getGradientNormalization() == GradientNormalization.None);
  }

  private static boolean empty(List<?> list) {
    return list == null || list.isEmpty();
  }

  /** Whether a minibatch of these arrays is fitted here. */
  boolean takes(INDArray features, INDArray labels) {
    return features.rank() == 2 && labels.rank() == 2 && features.dataType() == DataType.FLOAT
        && labels.dataType() == DataType.FLOAT && features.size(1) == widths[0]
        && labels.size(1) == widths[widths.length - 1]
        && features.size(0) * params.length <= MAX_MULTIPLY_ADDS;
  }

  /**
   * Fits one minibatch as DL4J's {@code fit} would: the forward pass in training mode, the
   * gradients of the minibatch's mean loss, one RMSprop step; counts the iteration.
   *
   * @return the minibatch's mean loss before the step, DL4J's score of the fit
   */
  double fit(INDArray features, INDArray labelArray) {
    rows = Math.toIntExact(features.size(0));
    ensureCapacity();
    read(features, activated[0]);
    read(labelArray, labels);
    INDArray paramView = net.params();
    INDArray stateView = net.getUpdater().getStateViewArray();
    FloatBuffer paramData = paramView.data().asNioFloat();
    FloatBuffer stateData = stateView.data().asNioFloat();
    paramData.get(Math.toIntExact(paramView.offset()), params);
    stateData.get(Math.toIntExact(stateView.offset()), state);

    forward();
    int layers = activations.length;
    int outputs = widths[layers];
    float[] out = activated[layers];
    double score = 0;
    for (int r = 0; r < rows; r++) {
      score += loss.score(out, labels, r * outputs, (r + 1) * outputs);
      loss.delta(out, labels, deltas[layers - 1], r * outputs, (r + 1) * outputs,
          activations[layers - 1]);
    }
    score /= rows;
    backward();
    step(net.getLearningRate(0));

    paramData.put(Math.toIntExact(paramView.offset()), params);
    stateData.put(Math.toIntExact(stateView.offset()), state);
    net.setIterationCount(net.getIterationCount() + 1);
    net.setScore(score);
    return score;
  }

  /** The last fit's outputs, from its forward pass, as an array of their own. */
  INDArray outputs() {
    int outputs = widths[widths.length - 1];
    float[] out = new float[rows * outputs];
    System.arraycopy(activated[activations.length], 0, out, 0, out.length);
    return Nd4j.create(out, new long[] {rows, outputs}, 'c');
  }

  private void ensureCapacity() {
    if (rows <= capacity) {
      return;
    }
    capacity = rows;
    for (int l = 0; l < activated.length; l++) {
      activated[l] = new float[capacity * widths[l]];
    }
    for (int l = 0; l < deltas.length; l++) {
      deltas[l] = new float[capacity * widths[l + 1]];
    }
    labels = new float[capacity * widths[widths.length - 1]];
  }

  /** A matrix's values, row after row, read from its memory whatever its strides. */
  private void read(INDArray matrix, float[] into) {
    FloatBuffer data = matrix.data().asNioFloat();
    int offset = Math.toIntExact(matrix.offset());
    int cols = Math.toIntExact(matrix.size(1));
    int rowStride = Math.toIntExact(matrix.stride(0));
    int colStride = Math.toIntExact(matrix.stride(1));
    if (colStride == 1 && rowStride == cols) {
      data.get(offset, into, 0, rows * cols);
      return;
    }
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        into[r * cols + c] = data.get(offset + r * rowStride + c * colStride);
      }
    }
  }

  /**
   * Each layer's activations: {@code x W + b}, with DL4J's weights in column-major order, so that
   * an output's weights lie side by side.
   */
  private void forward() {
    for (int l = 0; l < activations.length; l++) {
      float[] in = activated[l];
      float[] out = activated[l + 1];
      int nIn = widths[l];
      int nOut = widths[l + 1];
      int weights = weightsAt[l];
      int biases = weights + nIn * nOut;
      for (int r = 0; r < rows; r++) {
        int row = r * nIn;
        for (int j = 0; j < nOut; j++) {
          int column = weights + j * nIn;
          float sum = params[biases + j];
          for (int i = 0; i < nIn; i++) {
            sum += in[row + i] * params[column + i];
          }
          out[r * nOut + j] = sum;
        }
      }
      DenseActivation activation = activations[l];
      if (activation.perRow()) {
        for (int r = 0; r < rows; r++) {
          activation.apply(out, r * nOut, (r + 1) * nOut);
        }
      } else {
        activation.apply(out, 0, rows * nOut);
      }
    }
  }

  /** The gradients of the summed loss, from the output layer's deltas back to the first layer. */
  private void backward() {
    java.util.Arrays.fill(gradient, 0f);
    for (int l = activations.length - 1; l >= 0; l--) {
      float[] in = activated[l];
      float[] delta = deltas[l];
      int nIn = widths[l];
      int nOut = widths[l + 1];
      int weights = weightsAt[l];
      int biases = weights + nIn * nOut;
      float[] previous = l > 0 ? deltas[l - 1] : null;
      if (previous != null) {
        java.util.Arrays.fill(previous, 0, rows * nIn, 0f);
      }
      for (int r = 0; r < rows; r++) {
        int row = r * nIn;
        for (int j = 0; j < nOut; j++) {
          float d = delta[r * nOut + j];
          if (d == 0f) {
            continue;
          }
          int column = weights + j * nIn;
          gradient[biases + j] += d;
          for (int i = 0; i < nIn; i++) {
            gradient[column + i] += d * in[row + i];
          }
          if (previous != null) {
            for (int i = 0; i < nIn; i++) {
              previous[row + i] += d * params[column + i];
            }
          }
        }
      }
      if (previous != null) {
        DenseActivation below = activations[l - 1];
        for (int k = 0; k < rows * nIn; k++) {
          previous[k] *= below.derivative(in[k]);
        }
      }
    }
  }

  /** RMSprop on the minibatch's mean gradient, as DL4J's {@code RmsPropUpdater}. */
  private void step(double learningRate) {
    float lr = (float) learningRate;
    float decay = (float) rmsProp.getRmsDecay();
    float epsilon = (float) rmsProp.getEpsilon();
    float perRow = 1f / rows;
    for (int k = 0; k < params.length; k++) {
      float g = gradient[k] * perRow;
      float s = decay * state[k] + (1f - decay) * g * g;
      state[k] = s;
      params[k] -= lr * g / ((float) Math.sqrt(s) + epsilon);
    }
  }
}

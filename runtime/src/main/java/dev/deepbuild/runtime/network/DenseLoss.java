package dev.deepbuild.runtime.network;

import java.util.Arrays;
import java.util.Optional;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossBinaryXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * The losses {@link SmallDenseFit} computes itself, as DL4J defines them with their default settings
 * and no weights: a row's score, and the gradient of a row's score with respect to the output
 * layer's pre-activations. Cross-entropy pairs with the activation whose derivative cancels in that
 * gradient (DL4J clips outputs only near 0 and 1, where the two differ in the last bits).
 */
enum DenseLoss {
  /** The mean over a row's outputs of the squared error. */
  MSE(new LossMSE()) {
    @Override
    boolean pairs(DenseActivation activation) {
      return !activation.perRow();
    }

    @Override
    double score(float[] out, float[] labels, int from, int to) {
      double sum = 0;
      for (int i = from; i < to; i++) {
        double error = out[i] - labels[i];
        sum += error * error;
      }
      return sum / (to - from);
    }

    @Override
    void delta(float[] out, float[] labels, float[] delta, int from, int to,
        DenseActivation activation) {
      float scale = 2f / (to - from);
      for (int i = from; i < to; i++) {
        delta[i] = scale * (out[i] - labels[i]) * activation.derivative(out[i]);
      }
    }
  },
  /** Binary cross-entropy summed over a row's outputs, after sigmoids. */
  XENT(new LossBinaryXENT()) {
    private static final double CLIP = 1e-5;

    @Override
    boolean pairs(DenseActivation activation) {
      return activation == DenseActivation.SIGMOID;
    }

    @Override
    double score(float[] out, float[] labels, int from, int to) {
      double sum = 0;
      for (int i = from; i < to; i++) {
        double o = Math.min(1 - CLIP, Math.max(CLIP, out[i]));
        sum -= labels[i] * Math.log(o) + (1 - labels[i]) * Math.log(1 - o);
      }
      return sum;
    }
  },
  /** Categorical cross-entropy of a softmax row. */
  MCXENT(new LossMCXENT()) {
    private static final double CLIP = 1e-10;

    @Override
    boolean pairs(DenseActivation activation) {
      return activation == DenseActivation.SOFTMAX;
    }

    @Override
    double score(float[] out, float[] labels, int from, int to) {
      double sum = 0;
      for (int i = from; i < to; i++) {
        sum -= labels[i] * Math.log(Math.min(1 - CLIP, Math.max(CLIP, out[i])));
      }
      return sum;
    }
  };

  private final ILossFunction dl4j;

  DenseLoss(ILossFunction dl4j) {
    this.dl4j = dl4j;
  }

  /** Whether this loss is computed here after {@code activation}. */
  abstract boolean pairs(DenseActivation activation);

  /** The score of one row, whose outputs and labels are {@code [from..to)}. */
  abstract double score(float[] out, float[] labels, int from, int to);

  /**
   * The gradient of the row's score with respect to the pre-activations into {@code delta}; for the
   * cross-entropies after their paired activation, {@code out - labels}.
   */
  void delta(float[] out, float[] labels, float[] delta, int from, int to,
      DenseActivation activation) {
    for (int i = from; i < to; i++) {
      delta[i] = out[i] - labels[i];
    }
  }

  /** DL4J's loss as this one, if it is one of them with its default settings. */
  static Optional<DenseLoss> of(ILossFunction loss) {
    return Arrays.stream(values()).filter(l -> l.dl4j.equals(loss)).findFirst();
  }
}

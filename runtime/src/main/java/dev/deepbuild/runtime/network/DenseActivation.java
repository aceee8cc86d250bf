package dev.deepbuild.runtime.network;

import java.util.Arrays;
import java.util.Optional;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.activations.IActivation;

/**
 * The activations {@link SmallDenseFit} computes itself, each as DL4J defines it with its default
 * settings ({@code Activation.X.getActivationFunction()}); a configured variant, such as a ReLU
 * with a threshold, is not one of them.
 */
enum DenseActivation {
  IDENTITY(Activation.IDENTITY) {
    @Override
    void apply(float[] z, int from, int to) {}

    @Override
    float derivative(float activated) {
      return 1f;
    }
  },
  RELU(Activation.RELU) {
    @Override
    void apply(float[] z, int from, int to) {
      for (int i = from; i < to; i++) {
        z[i] = Math.max(0f, z[i]);
      }
    }

    @Override
    float derivative(float activated) {
      return activated > 0f ? 1f : 0f;
    }
  },
  SIGMOID(Activation.SIGMOID) {
    @Override
    void apply(float[] z, int from, int to) {
      for (int i = from; i < to; i++) {
        z[i] = (float) (1 / (1 + Math.exp(-z[i])));
      }
    }

    @Override
    float derivative(float activated) {
      return activated * (1f - activated);
    }
  },
  TANH(Activation.TANH) {
    @Override
    void apply(float[] z, int from, int to) {
      for (int i = from; i < to; i++) {
        z[i] = (float) Math.tanh(z[i]);
      }
    }

    @Override
    float derivative(float activated) {
      return 1f - activated * activated;
    }
  },
  /** Over each row's {@code to - from} values; an output layer's only, with {@link DenseLoss#MCXENT}. */
  SOFTMAX(Activation.SOFTMAX) {
    @Override
    void apply(float[] z, int from, int to) {
      float max = Float.NEGATIVE_INFINITY;
      for (int i = from; i < to; i++) {
        max = Math.max(max, z[i]);
      }
      float sum = 0f;
      for (int i = from; i < to; i++) {
        z[i] = (float) Math.exp(z[i] - max);
        sum += z[i];
      }
      for (int i = from; i < to; i++) {
        z[i] /= sum;
      }
    }

    @Override
    float derivative(float activated) {
      throw new UnsupportedOperationException("softmax backpropagates through its loss only");
    }
  };

  private final IActivation dl4j;

  DenseActivation(Activation dl4j) {
    this.dl4j = dl4j.getActivationFunction();
  }

  /** Applies the activation in place to one row's pre-activations, {@code z[from..to)}. */
  abstract void apply(float[] z, int from, int to);

  /** The derivative at a pre-activation, from the activation's value there. */
  abstract float derivative(float activated);

  /** Whether the activation acts on a row as a whole rather than value by value. */
  boolean perRow() {
    return this == SOFTMAX;
  }

  /** DL4J's activation as this one, if it is one of them. */
  static Optional<DenseActivation> of(IActivation activation) {
    return Arrays.stream(values()).filter(a -> a.dl4j.equals(activation)).findFirst();
  }
}

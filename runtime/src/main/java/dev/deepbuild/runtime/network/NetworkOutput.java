package dev.deepbuild.runtime.network;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.indexing.BooleanIndexing;
import org.nd4j.linalg.indexing.conditions.Conditions;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/**
 * One output layer of a network, as its configuration states it.
 *
 * @param name the layer's name: a head of a functional model, such as {@code topic}
 * @param units the layer's size, which decides how labels are encoded
 * @param loss the layer's loss function, without its weight
 * @param weight the weight of this output's loss in the network's total loss (1 for one output)
 */
public record NetworkOutput(String name, int units, ILossFunction loss, double weight) {

  /**
   * The mean loss per example of {@code predictions}, the layer's activations, against {@code
   * labels}: what DL4J's loss function computes from the layer's pre-activations, because each
   * loss applies the activation first (an identity then gives the activations themselves). DL4J's
   * cross-entropy clips a softmax's probabilities into [eps, 1 - eps] before their logarithm, but
   * only when it applies the softmax itself; so the probabilities are clipped here as it would,
   * else a probability that rounded to 0 gives an infinite or undefined loss.
   */
  public double meanLoss(INDArray labels, INDArray predictions) {
    INDArray activations = predictions.dup();
    if (loss instanceof LossMCXENT crossEntropy && crossEntropy.getSoftmaxClipEps() > 0) {
      double eps = crossEntropy.getSoftmaxClipEps();
      BooleanIndexing.replaceWhere(activations, eps, Conditions.lessThan(eps));
      BooleanIndexing.replaceWhere(activations, 1 - eps, Conditions.greaterThan(1 - eps));
    }
    return loss.computeScore(labels, activations, new ActivationIdentity(), null, true);
  }
}

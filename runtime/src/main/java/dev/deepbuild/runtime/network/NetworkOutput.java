package dev.deepbuild.runtime.network;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.lossfunctions.ILossFunction;

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
   * loss applies the activation first (an identity then gives the activations themselves).
   */
  public double meanLoss(INDArray labels, INDArray predictions) {
    return loss.computeScore(labels, predictions.dup(), new ActivationIdentity(), null, true);
  }
}

package dev.deepbuild.runtime.network;

import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * What fitting one minibatch measured on the way, handed to whoever sums an epoch's training
 * metrics, so that they cost no second pass over the training data (as Keras's do).
 */
@FunctionalInterface
public interface FittedBatch {
  /**
   * @param loss the minibatch's mean loss per row in its training forward pass (dropout active,
   *     the weights before the update), plus the configuration's L1/L2 penalty: DL4J's score of
   *     the fit, which is also what Keras reports as a batch's {@code loss}
   * @param outputs the same pass's outputs, one array per output layer, one row per row of the
   *     minibatch; arrays of their own, which later fits leave as they are
   */
  void fitted(double loss, INDArray[] outputs);
}

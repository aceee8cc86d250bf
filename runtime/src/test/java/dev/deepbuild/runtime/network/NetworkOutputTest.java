package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSoftmax;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.impl.LossMCXENT;

/** An output's loss from its activations is DL4J's from its pre-activations. */
class NetworkOutputTest {
  private static final NetworkOutput SOFTMAX = new NetworkOutput("topic", 3, new LossMCXENT(), 1);

  @Test
  void aCrossEntropyOfSoftmaxOutputsIsDl4jsEvenWhereAProbabilityRoundedToZero() {
    INDArray labels = Nd4j.create(new float[][] {{1, 0, 0}, {0, 1, 0}, {0, 0, 1}});
    // Row 0's true class is far behind: its probability rounds to 0 in floats, as in an
    // overconfident network; rows 1 and 2 are ordinary.
    INDArray logits = Nd4j.create(new float[][] {{-150, 150, 0}, {0.2f, 1.5f, -0.3f},
        {2, -1, 0.5f}});
    double dl4j = new LossMCXENT().computeScore(labels, logits.dup(), new ActivationSoftmax(),
        null, true);
    INDArray probabilities = new ActivationSoftmax().getActivation(logits.dup(), false);

    assertEquals(0, probabilities.getDouble(0, 0));
    assertEquals(dl4j, SOFTMAX.meanLoss(labels, probabilities), 1e-5 * dl4j);
  }

  @Test
  void ordinaryProbabilitiesKeepTheirLoss() {
    INDArray labels = Nd4j.create(new float[][] {{0, 1, 0}});
    INDArray logits = Nd4j.create(new float[][] {{0.2f, 1.5f, -0.3f}});
    double dl4j = new LossMCXENT().computeScore(labels, logits.dup(), new ActivationSoftmax(),
        null, true);

    assertEquals(dl4j, SOFTMAX.meanLoss(labels,
        new ActivationSoftmax().getActivation(logits.dup(), false)), 1e-6);
  }
}

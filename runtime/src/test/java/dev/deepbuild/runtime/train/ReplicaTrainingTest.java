package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.network.ReplicaTraining;
import dev.deepbuild.runtime.network.SequentialNetwork;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Training an epoch on replicas of a network at once, with DL4J's ParallelWrapper. */
class ReplicaTrainingTest {

  @Test
  void twoReplicasTrainTheNetworkOnEveryMinibatch() {
    AtomicInteger rows = new AtomicInteger();
    INDArray once = trained(2, rows);

    assertEquals(200, rows.get(), "every row was handed out, and progress counted it");
    assertNotEquals(untrained(), once, "the averaged replicas' parameters reached the network");
  }

  @Test
  void averagingReplicasIsNotTheSameTrainingAsOneModel() {
    INDArray one = trained(1, new AtomicInteger());
    INDArray two = trained(2, new AtomicInteger());
    assertNotEquals(one, two);
    assertTrue(one.sub(two).norm2Number().doubleValue() > 0);
  }

  private static INDArray trained(int workers, AtomicInteger rows) {
    TrainableNetwork net = network();
    Batches.Epochs epochs = Batches.inMemory(data()).shuffled(16, 7);
    for (int epoch = 0; epoch < 2; epoch++) {
      rows.set(0);
      ReplicaTraining.of(net, workers)
          .orElse((batches, progress) -> batches.nextEpoch(net::fit, progress))
          .epoch(epochs, rows::set);
    }
    return net.parameters();
  }

  private static INDArray untrained() {
    return network().parameters();
  }

  private static TrainableNetwork network() {
    MultiLayerNetwork net = new MultiLayerNetwork(Networks.dense(42, 4, 8, 2, Activation.SOFTMAX,
        LossFunction.MCXENT, 1));
    net.init();
    return new SequentialNetwork(net);
  }

  /** Two separable classes of 100 rows each. */
  private static MultiDataSet data() {
    Nd4j.getRandom().setSeed(1);
    INDArray features = Nd4j.rand(DataType.FLOAT, 200, 4);
    INDArray labels = Nd4j.zeros(DataType.FLOAT, 200, 2);
    for (int row = 0; row < 200; row++) {
      int label = row % 2;
      labels.putScalar(row, label, 1);
      features.putScalar(row, 0, features.getFloat(row, 0) + 2 * label);
    }
    return new MultiDataSet(features, labels);
  }
}

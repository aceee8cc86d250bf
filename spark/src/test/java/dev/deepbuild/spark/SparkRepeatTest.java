package dev.deepbuild.spark;

import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.network.SequentialNetwork;
import dev.deepbuild.runtime.network.TrainableNetwork;
import dev.deepbuild.runtime.network.EpochFit;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Two trainings with the same seed on the same workers give the same bits: the training master
 * splits an epoch of more minibatches than one averaging round takes at random, seeded by the
 * model's seed (unseeded, two such runs differed by 2e-3 in the loss).
 */
class SparkRepeatTest {
  @Test
  void theSameSeedGivesTheSameParameters() {
    // 640 rows in minibatches of 16, 2 per worker between averagings: several random splits.
    assertEquals(run(2), run(2));
  }

  private static INDArray run(int freq) {
    SparkSettings s = new SparkSettings("local[*]", freq, "");
    MultiLayerNetwork dl4j = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(42)
        .updater(new Adam(0.01)).list()
        .layer(new DenseLayer.Builder().nIn(4).nOut(8).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MSE).nIn(8).nOut(1)
            .activation(Activation.IDENTITY).build())
        .build());
    dl4j.init();
    TrainableNetwork network = new SequentialNetwork(dl4j);
    Nd4j.getRandom().setSeed(42);
    INDArray features = Nd4j.rand(DataType.FLOAT, 640, 4);
    MultiDataSet data = new MultiDataSet(features, features.sum(1).reshape(640, 1));
    EpochFit fit = network.accept(new SparkEpochFits(SparkContexts.shared(s), s, 16, 42));
    Batches.Epochs epochs = Batches.inMemory(data).shuffled(16, 42);
    for (int e = 0; e < 3; e++) {
      fit.epoch(epochs, r -> {});
      network.endEpoch();
    }
    return network.parameters();
  }
}

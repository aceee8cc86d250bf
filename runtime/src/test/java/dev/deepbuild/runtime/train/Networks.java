package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.network.MultiHotDense;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Networks configured the way the generated code configures them: dense layers, a seed, Adam. */
final class Networks {
  private Networks() {}

  /**
   * {@code inputs -> hidden (ReLU) -> dropout -> outputs}, Keras's {@code Dense, Dropout, Dense}.
   *
   * @param dropoutKept DL4J's dropout argument: the probability of keeping a unit; 1 for none
   */
  static MultiLayerConfiguration dense(long seed, int inputs, int hidden, int outputs,
      Activation activation, LossFunction loss, double dropoutKept) {
    OutputLayer.Builder outputLayer = new OutputLayer.Builder(loss).nIn(hidden).nOut(outputs)
        .activation(activation);
    if (dropoutKept < 1) {
      outputLayer.dropOut(dropoutKept);
    }
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.01))
        .list()
        .layer(new DenseLayer.Builder().nIn(inputs).nOut(hidden).activation(Activation.RELU).build())
        .layer(outputLayer.build())
        .build();
  }

  /**
   * The same as {@link #dense} without dropout, its first layer a {@link MultiHotDense}, as
   * generated code writes it on multi-hot texts: the same weights for the same seed.
   */
  static MultiLayerConfiguration multiHot(long seed, int inputs, int hidden, int outputs,
      Activation activation, LossFunction loss) {
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.01))
        .list()
        .layer(new MultiHotDense.Builder().nIn(inputs).nOut(hidden).activation(Activation.RELU)
            .build())
        .layer(new OutputLayer.Builder(loss).nIn(hidden).nOut(outputs).activation(activation)
            .build())
        .build();
  }
}

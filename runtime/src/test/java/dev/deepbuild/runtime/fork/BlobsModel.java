package dev.deepbuild.runtime.fork;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A model written the way the processor generates one, on {@code blobs.csv}: two well separated
 * Gaussian blobs (120 rows) that any working training loop classifies almost perfectly.
 */
public final class BlobsModel implements ModelDefinition {
  @Override
  public ModelSpec spec() {
    return named("blobs");
  }

  /** This model's spec under another name, for tests that need several working models. */
  static ModelSpec named(String name) {
    return ModelSpec.builder(name)
        .declaredBy("test.Blobs")
        .seed(7)
        .data(CsvSource.resource("blobs.csv").labelIndex(2))
        .split(0.25, 0.25)
        .classification(2)
        .standardize()
        .epochs(5)
        .batchSize(8)
        .threshold(ThresholdSpec.min(Metric.ACCURACY, 0.9))
        .build();
  }

  @Override
  public NetworkConfiguration network(int inputs) {
    return NetworkConfiguration.of(new NeuralNetConfiguration.Builder()
        .seed(7L)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new Adam(0.05))
        .list()
        .layer(new DenseLayer.Builder().nIn(inputs).nOut(4).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nIn(4).nOut(2).activation(Activation.SOFTMAX).build())
        .build());
  }
}

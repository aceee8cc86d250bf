package dev.deepbuild.runtime.incremental;

import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import java.util.function.IntFunction;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Models written the way the processor generates them: the network takes the spec's seed. */
final class TestModels {
  private TestModels() {}

  /** A classifier of {@code data.csv} (label in column 2): 42, 3 epochs, batch 16, standardized. */
  static ModelSpec.Builder spec() {
    return ModelSpec.builder("blobs").declaredBy("com.example.Blobs").seed(42)
        .data(CsvSource.file("data.csv").labelIndex(2)).split(0.2, 0.2).classification(0)
        .epochs(3).batchSize(16);
  }

  static ModelDefinition model(ModelSpec spec) {
    return model(spec, inputs -> network(spec.seed(), inputs, 8));
  }

  static ModelDefinition model(ModelSpec spec, IntFunction<MultiLayerConfiguration> network) {
    return Definitions.of(spec, network);
  }

  /** {@code inputs -> hidden (ReLU) -> 2 (softmax)}; DL4J infers each nIn from the input type. */
  static MultiLayerConfiguration network(long seed, int inputs, int hidden) {
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new Adam(0.05))
        .list()
        .setInputType(InputType.feedForward(inputs))
        .layer(new DenseLayer.Builder().nOut(hidden).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(2)
            .activation(Activation.SOFTMAX).build())
        .build();
  }

  /** {@link #network} with every nIn stated, as generated code stated them before input types. */
  static MultiLayerConfiguration statedInputsNetwork(long seed, int inputs, int hidden) {
    return new NeuralNetConfiguration.Builder()
        .seed(seed)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new Adam(0.05))
        .list()
        .layer(new DenseLayer.Builder().nIn(inputs).nOut(hidden).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(hidden).nOut(2)
            .activation(Activation.SOFTMAX).build())
        .build();
  }
}

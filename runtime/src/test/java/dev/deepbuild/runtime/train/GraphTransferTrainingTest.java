package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.model.RescalingSpec;
import dev.deepbuild.runtime.network.GraphTransferConfiguration;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.PretrainedBase;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.graph.PreprocessorVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.conf.preprocessor.CnnToFeedForwardPreProcessor;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A functional model on another model of the build, trained for real on MNIST digits, as Keras's
 * {@code features = base(inputs)}: a convnet base learns the digits 0, 1 and 2; a graph learns 3,
 * 5 and 8 from the base's feature map, frozen or with its top layer fine-tuned, joined with a
 * dense branch of a second input that reads the same images.
 */
class GraphTransferTrainingTest {
  @TempDir Path base;

  private ModelTrainer trainer(List<String> log) {
    return new ModelTrainer(base, base.resolve("target/deepbuild"),
        GraphTransferTrainingTest.class.getClassLoader(), log::add);
  }

  private void trainBase() {
    MultiLayerConfiguration convnet = new NeuralNetConfiguration.Builder().seed(42)
        .weightInit(WeightInit.XAVIER_UNIFORM).updater(new Adam(2e-3)).list()
        .layer(new ConvolutionLayer.Builder(3, 3).name("conv").nOut(4).activation(Activation.RELU)
            .convolutionMode(ConvolutionMode.Truncate).build())
        .layer(new SubsamplingLayer.Builder(PoolingType.MAX).name("pool").kernelSize(2, 2)
            .stride(2, 2).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(3)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutionalFlat(28, 28, 1))
        .build();
    ModelSpec spec = ModelSpec.builder("digits-low").declaredBy("com.example.DigitsLow").seed(42)
        .data(BuiltinSource.of(BuiltinDataset.MNIST).classes(0, 1, 2).trainingSamples(600))
        .classification(3).rescaling(RescalingSpec.scale(1 / 255.0)).epochs(1).batchSize(32)
        .build();
    trainer(new ArrayList<>()).train(Definitions.of(spec, inputs -> convnet));
  }

  /**
   * The head as the processor writes it: the base's output without its output layer is its
   * flattened 13x13x4 feature map, which the head joins with a dense view of the pixels.
   */
  private static ComputationGraphConfiguration head() {
    return new NeuralNetConfiguration.Builder().seed(42).weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new Adam(2e-3)).graphBuilder()
        .addInputs("features", "pixels")
        .setInputTypes(InputType.feedForward(676), InputType.convolutional(28, 28, 1))
        .addVertex("flatPixels",
            new PreprocessorVertex(new CnnToFeedForwardPreProcessor(28, 28, 1)), "pixels")
        .addLayer("dense", new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build(),
            "flatPixels")
        .addVertex("joined", new MergeVertex(), "features", "dense")
        .addLayer("digit", new OutputLayer.Builder(LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "joined")
        .setOutputs("digit")
        .build();
  }

  private ModelReport trainHigh(UnaryOperator<GraphTransferConfiguration> tuning,
      List<String> log) {
    ModelSpec spec = ModelSpec.builder("digits-high").declaredBy("com.example.DigitsHigh")
        .seed(42)
        .data(BuiltinSource.of(BuiltinDataset.MNIST).classes(3, 5, 8).trainingSamples(600))
        .input(InputSpec.named("digits").field(BuiltinDataset.IMAGE_FIELD))
        .input(InputSpec.named("pixels").field(BuiltinDataset.IMAGE_FIELD))
        .output(OutputSpec.named("digit").field(BuiltinDataset.LABEL_FIELD).classification(3))
        .rescaling(RescalingSpec.scale(1 / 255.0)).epochs(2).batchSize(32)
        .build();
    ModelDefinition model = Definitions.configured(spec, inputs -> tuning.apply(
        NetworkConfiguration.on(PretrainedBase.model("digits-low"), "features", head())));
    return trainer(log).train(model);
  }

  private INDArray baseParams() throws IOException {
    MultiLayerNetwork trained = ModelSerializer.restoreMultiLayerNetwork(
        base.resolve("target/deepbuild/digits-low/model.zip").toFile());
    return trained.getLayer(0).params();
  }

  private INDArray transferredParams() throws IOException {
    ComputationGraph trained = ModelSerializer.restoreComputationGraph(
        base.resolve("target/deepbuild/digits-high/model.zip").toFile());
    return trained.getLayer("conv").params();
  }

  @Test
  void aGraphOnAFrozenBaseKeepsItsWeightsAndLearnsNewDigits() throws IOException {
    trainBase();
    List<String> log = new ArrayList<>();
    ModelReport report = trainHigh(UnaryOperator.identity(), log);

    double accuracy = report.metric("digit", DataSplit.TEST, Metric.ACCURACY).orElseThrow();
    System.out.printf("on the frozen base: test accuracy %.3f%n", accuracy);
    assertTrue(accuracy > 0.8, "accuracy " + accuracy + "\n" + String.join("\n", log));
    assertEquals(baseParams(), transferredParams());
  }

  @Test
  void aFineTunedBaseTrainsItsTopLayers() throws IOException {
    trainBase();
    List<String> log = new ArrayList<>();
    // The base's layers are its convolution and its pooling, which has no weights.
    ModelReport report = trainHigh(conf -> conf.trainable(2).fineTuneLearningRate(1e-3), log);

    assertTrue(report.metric("digit", DataSplit.TEST, Metric.ACCURACY).orElseThrow() > 0.8,
        String.join("\n", log));
    assertNotEquals(baseParams(), transferredParams());
  }
}

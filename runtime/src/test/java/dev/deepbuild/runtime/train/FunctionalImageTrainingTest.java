package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Flip;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.inspect.ModelFile;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.AugmentationSpec;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.model.RescalingSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
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
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * A functional model on images end to end, with real DL4J on real MNIST digits (a subset of three
 * classes): two image inputs, each read from the field {@code image}, one through two
 * convolution branches joined by channels, the other flattened into a dense layer, both joined
 * for two outputs of the field {@code label}; NCHW minibatches rescaled for every split and
 * augmented for training only.
 */
class FunctionalImageTrainingTest {
  @TempDir Path base;

  private static ComputationGraphConfiguration graph() {
    return new NeuralNetConfiguration.Builder().seed(42).weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new Adam(2e-3)).graphBuilder()
        .addInputs("digits", "pixels")
        .setInputTypes(InputType.convolutionalFlat(28, 28, 1), InputType.convolutional(28, 28, 1))
        .addLayer("narrow", new ConvolutionLayer.Builder(3, 3).nOut(4).activation(Activation.RELU)
            .convolutionMode(ConvolutionMode.Same).build(), "digits")
        .addLayer("wide", new ConvolutionLayer.Builder(5, 5).nOut(4).activation(Activation.RELU)
            .convolutionMode(ConvolutionMode.Same).build(), "digits")
        .addVertex("both", new MergeVertex(), "narrow", "wide")
        .addLayer("pool", new SubsamplingLayer.Builder(PoolingType.MAX).kernelSize(4, 4)
            .stride(4, 4).convolutionMode(ConvolutionMode.Truncate).build(), "both")
        .addVertex("flatPool", new PreprocessorVertex(new CnnToFeedForwardPreProcessor(7, 7, 8)),
            "pool")
        .addVertex("flatPixels",
            new PreprocessorVertex(new CnnToFeedForwardPreProcessor(28, 28, 1)), "pixels")
        .addLayer("dense", new DenseLayer.Builder().nOut(16).activation(Activation.RELU).build(),
            "flatPixels")
        .addVertex("joined", new MergeVertex(), "flatPool", "dense")
        .addLayer("digit", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "joined")
        .addLayer("again", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(3)
            .activation(Activation.SOFTMAX).build(), "dense")
        .setOutputs("digit", "again")
        .build();
  }

  private static ModelSpec.Builder spec(String name) {
    return ModelSpec.builder(name).declaredBy("com.example.DigitsGraph").seed(42)
        .data(BuiltinSource.of(BuiltinDataset.MNIST).classes(3, 5, 8).trainingSamples(900))
        .input(InputSpec.named("digits").field(BuiltinDataset.IMAGE_FIELD))
        .input(InputSpec.named("pixels").field(BuiltinDataset.IMAGE_FIELD))
        .output(OutputSpec.named("digit").field(BuiltinDataset.LABEL_FIELD).classification(3))
        .output(OutputSpec.named("again").field(BuiltinDataset.LABEL_FIELD).classification(3))
        .rescaling(RescalingSpec.scale(1 / 255.0)).epochs(2).batchSize(32);
  }

  private ModelReport train(ModelSpec spec, List<String> log) {
    ModelDefinition model = Definitions.configured(spec, inputs -> NetworkConfiguration.of(graph()));
    return new ModelTrainer(base, base.resolve("target/deepbuild"),
        FunctionalImageTrainingTest.class.getClassLoader(), log::add).train(model);
  }

  @Test
  void aTwoBranchImageGraphLearnsDigitsWellAboveChance() throws IOException {
    List<String> log = new ArrayList<>();
    ModelReport report = train(spec("digits-graph").augmentation(AugmentationSpec.none()
        .rotation(0.02).translation(0.05).flip(Flip.NONE)).build(), log);
    double digit = report.metric("digit", DataSplit.TEST, Metric.ACCURACY).orElseThrow();
    double again = report.metric("again", DataSplit.TEST, Metric.ACCURACY).orElseThrow();
    System.out.printf("test accuracy: digit %.3f, again %.3f%n", digit, again);
    // Three classes: chance is a third.
    assertTrue(digit > 0.8, "digit accuracy " + digit + "\n" + String.join("\n", log));
    assertTrue(again > 0.7, "again accuracy " + again + "\n" + String.join("\n", log));
    assertTrue(log.get(0).contains("images of 28x28x1")
        && log.get(0).contains("inputs digits, pixels; outputs digit, again"), log.get(0));

    ModelFile saved = ModelFile.load(base.resolve("target/deepbuild/digits-graph/model.zip"));
    assertEquals(new InputSchema.Image(28, 28, 1, 1 / 255.0, 0),
        saved.metadata().inputs().get(1).schema());
  }

  @Test
  void anInputOfAnotherFieldNamesTheImageDatasFields() {
    ModelSpec spec = ModelSpec.builder("wrong").seed(42)
        .data(BuiltinSource.of(BuiltinDataset.MNIST).classes(3, 5).trainingSamples(20))
        .input(InputSpec.named("digits").field("pixels"))
        .output(OutputSpec.named("digit").field(BuiltinDataset.LABEL_FIELD).classification(2))
        .epochs(1).build();

    InvalidInputException error = assertThrows(InvalidInputException.class,
        () -> train(spec, new ArrayList<>()));
    assertTrue(error.getMessage().contains("wrong: the input digits reads the field pixels, but"
        + " image data has the fields image and label; read the images as image."),
        error.getMessage());
  }
}

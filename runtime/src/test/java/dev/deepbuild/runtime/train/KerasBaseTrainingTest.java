package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.incremental.Decision;
import dev.deepbuild.runtime.incremental.IncrementalTraining;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.BaseLocations;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.PretrainedBase;
import dev.deepbuild.runtime.network.TransferConfiguration;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A head trained for real on the user's Keras file (tools/keras-h5-fixture/make.py's sequential
 * base, cut after its 6-value 'features' layer): frozen, its weights stay the file's; with its
 * top layer trainable, that layer learns and the one below stays.
 */
class KerasBaseTrainingTest {
  @TempDir Path project;
  private final List<String> log = new ArrayList<>();

  @Test
  void aFrozenKerasBaseKeepsTheFilesWeightsAndItsHeadLearns() throws IOException {
    ModelReport report = trainer().train(model(base -> base));
    ComputationGraph trained = trained();
    ComputationGraph file = imported();
    assertEquals(params(file, "hidden1"), params(trained, "hidden1"));
    assertEquals(params(file, "features"), params(trained, "features"));
    assertTrue(trained.getVertex("predictions") == null, "cut after 'features'");
    assertTrue(report.metrics().get(DataSplit.TEST).get(Metric.ACCURACY) > 0.5,
        () -> "the head learns the blobs from the base's features: " + report.metrics());
  }

  @Test
  void aTrainableTopLayerOfAKerasBaseLearns() throws IOException {
    trainer().train(model(base -> base.trainable(1)));
    ComputationGraph trained = trained();
    ComputationGraph file = imported();
    assertEquals(params(file, "hidden1"), params(trained, "hidden1"));
    assertNotEquals(params(file, "features"), params(trained, "features"));
  }

  @Test
  void aChangedKerasFileMakesTheModelOutOfDate() throws IOException {
    ModelDefinition model = model(base -> base);
    IncrementalTraining incremental = new IncrementalTraining(project, output(), loader());
    Decision.Train first = (Decision.Train) incremental.decide(model, false);
    trainer().train(model, first.provenance());
    assertTrue(incremental.decide(model, false) instanceof Decision.Reuse);
    assertEquals("Keras file base.h5 up to features, frozen",
        first.provenance().fingerprint().get("pretrainedBase"));

    // The same layers and weights, saved as a functional model: other bytes, another base.
    copy("functional.h5");
    Decision changed = incremental.decide(model, false);
    assertTrue(changed instanceof Decision.Train train && train.reason().contains("network"),
        () -> "a new file is a new network: " + changed);
  }

  private ModelDefinition model(UnaryOperator<TransferConfiguration> tuning) throws IOException {
    if (!Files.exists(project.resolve("blobs.csv"))) {
      GeneratedData.blobs(project.resolve("blobs.csv"), 3, 40, 11);
      copy("sequential.h5");
    }
    ModelSpec spec = ModelSpec.builder("keras").seed(3)
        .data(CsvSource.file("blobs.csv").labelColumn("label")).split(0.2, 0.2)
        .classification(0).standardize().epochs(20).batchSize(16).build();
    MultiLayerConfiguration head = new NeuralNetConfiguration.Builder()
        .seed(3).weightInit(WeightInit.XAVIER).updater(new Adam(0.05))
        .list()
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("classes").nOut(3)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.feedForward(6))
        .build();
    return Definitions.configured(spec, inputs -> tuning.apply(NetworkConfiguration.on(
        PretrainedBase.keras("base.h5").upTo("features").outputShape(6), head)));
  }

  private void copy(String fixture) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/pretrained/keras/" + fixture)) {
      Files.copy(in, project.resolve("base.h5"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private ComputationGraph imported() {
    return PretrainedBase.keras("base.h5").load(new BaseLocations(project, output()));
  }

  private ComputationGraph trained() throws IOException {
    return ModelSerializer.restoreComputationGraph(output().resolve("keras/model.zip").toFile());
  }

  private static String params(ComputationGraph graph, String layer) {
    return graph.getLayer(layer).params().toStringFull();
  }

  private ModelTrainer trainer() {
    return new ModelTrainer(project, output(), loader(), log::add);
  }

  private Path output() {
    return project.resolve("target/deepbuild");
  }

  private ClassLoader loader() {
    return getClass().getClassLoader();
  }
}

package dev.deepbuild.runtime.network;

import static dev.deepbuild.runtime.network.SmallData.blobs;
import static dev.deepbuild.runtime.network.SmallData.rows;
import static dev.deepbuild.runtime.network.SmallData.table;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.runtime.data.Standardization;
import dev.deepbuild.runtime.io.ModelArchive;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The MultiLayerNetwork behind the seam, with real DL4J on small generated data. */
class SequentialNetworkTest {
  private static final long SEED = 7;

  @TempDir Path folder;

  @Test
  void fittingMinibatchesLowersTheScore() {
    TrainableNetwork net = NetworkConfiguration.of(conf()).create(SEED);
    MultiDataSet data = blobs(120, 1);
    double before = net.score(data);

    for (int epoch = 0; epoch < 20; epoch++) {
      for (int start = 0; start < 120; start += 20) {
        MultiDataSet batch = rows(data, start, start + 20);
        net.fit(batch.getFeatures(), batch.getLabels());
      }
      net.endEpoch();
    }

    assertTrue(net.score(data) < before / 2, "score " + before + " -> " + net.score(data));
  }

  @Test
  void measuresInInferenceModeWithoutChangingTheNetwork() {
    TrainableNetwork net = NetworkConfiguration.of(conf()).create(SEED);
    MultiDataSet data = blobs(30, 2);
    INDArray parameters = net.parameters();

    INDArray output = net.output(data.getFeatures())[0];
    // Dropout is inactive: the same input gives the same output, and scoring changes no weight.
    assertEquals(output, net.output(data.getFeatures())[0]);
    assertEquals(net.score(data), net.score(data));
    assertEquals(parameters, net.parameters());
    assertEquals(List.of(30L, 3L), List.of(output.size(0), output.size(1)));
    for (int row = 0; row < 30; row++) {
      assertEquals(1.0, output.getRow(row).sumNumber().doubleValue(), 1e-6);
    }
  }

  @Test
  void theSameSeedTrainsTheSameWeights() {
    // Initial weights and dropout masks both: another network in between changes nothing.
    INDArray first = fittedWithDropout(SEED);
    NetworkConfiguration.of(conf()).create(SEED + 1)
        .fit(blobs(10, 9).getFeatures(), blobs(10, 9).getLabels());
    assertEquals(first, fittedWithDropout(SEED));
    assertNotEquals(NetworkConfiguration.of(conf()).create(SEED).parameters(), first);
  }

  private static INDArray fittedWithDropout(long seed) {
    TrainableNetwork net = NetworkConfiguration.of(conf()).create(seed);
    MultiDataSet data = blobs(40, 8);
    for (int i = 0; i < 5; i++) {
      net.fit(data.getFeatures(), data.getLabels());
    }
    return net.parameters();
  }

  @Test
  void restoresCopiedParameters() {
    TrainableNetwork net = NetworkConfiguration.of(conf()).create(SEED);
    MultiDataSet data = blobs(40, 3);
    net.fit(data.getFeatures(), data.getLabels());
    INDArray kept = net.parameters();
    INDArray keptOutput = net.output(data.getFeatures())[0];

    net.fit(data.getFeatures(), data.getLabels());
    // The copy did not follow the update.
    assertNotEquals(kept, net.parameters());
    net.setParameters(kept);

    assertEquals(kept, net.parameters());
    assertEquals(keptOutput, net.output(data.getFeatures())[0]);
    assertEquals(kept.length(), net.parameterCount());
    // 4*8+8, dropout, 8*3+3
    assertEquals(67, net.parameterCount());
    assertEquals(List.of(40L, 0L, 27L), net.layers().stream().map(NetworkLayer::params).toList());
    assertEquals(List.of("hidden", "drop", "output"),
        net.layers().stream().map(layer -> layer.conf().getLayerName()).toList());
  }

  @Test
  void getsAndSetsTheLearningRate() {
    TrainableNetwork net = NetworkConfiguration.of(conf()).create(SEED);
    assertEquals(0.01, net.learningRate(), 1e-12);

    net.setLearningRate(0.0025);

    assertEquals(0.0025, net.learningRate(), 1e-12);
  }

  @Test
  void aSavedNetworkLoadsWithIdenticalOutputsAndItsNormalizer() throws IOException {
    TrainableNetwork net = NetworkConfiguration.of(conf()).create(SEED);
    MultiDataSet train = blobs(60, 4);
    NormalizerStandardize normalizer = new NormalizerStandardize();
    normalizer.fit(table(train));
    normalizer.transform(train.getFeatures(0));
    net.fit(train.getFeatures(), train.getLabels());
    net.endEpoch();
    net.endEpoch();
    net.setLearningRate(0.004);
    Path file = folder.resolve("models/model.zip");

    net.save(file, Optional.of(normalizer));

    TrainableNetwork loaded = Networks.load(file);
    MultiDataSet test = blobs(25, 5);
    Optional<Standardization> restored = ModelArchive.normalizer(file);
    assertTrue(restored.isPresent());
    INDArray ours = test.getFeatures(0).dup();
    normalizer.transform(ours);
    restored.get().transform(test);
    assertEquals(ours, test.getFeatures(0));
    assertArrayEquals(net.output(test.getFeatures()), loaded.output(test.getFeatures()));
    assertEquals(net.score(test), loaded.score(test));
    assertEquals(net.parameters(), loaded.parameters());
    assertEquals(0.004, loaded.learningRate(), 1e-12);
    assertEquals(DataType.FLOAT, loaded.dataType());
    // The epoch count and the updater state are saved, so training can resume.
    assertEquals(2, ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true).getEpochCount());
    assertTrue(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), true).getUpdater()
        .getStateViewArray() != null);
    try (Stream<Path> files = Files.list(file.getParent())) {
      assertEquals(List.of(file), files.toList(), "only the model file, no temporary one");
    }
  }

  @Test
  void aNetworkSavedWithoutNormalizerLoadsWithoutOne() throws IOException {
    TrainableNetwork net = NetworkConfiguration.of(conf()).create(SEED);
    Path file = folder.resolve("model.zip");

    net.save(file, Optional.empty());

    assertEquals(Optional.empty(), ModelArchive.normalizer(file));
    MultiDataSet data = blobs(10, 6);
    assertArrayEquals(net.output(data.getFeatures()), Networks.load(file).output(data.getFeatures()));
  }

  /** 4 inputs, 8 hidden units, dropout, 3 classes, as the generated code configures a network. */
  private static MultiLayerConfiguration conf() {
    return new NeuralNetConfiguration.Builder()
        .seed(SEED)
        .weightInit(WeightInit.XAVIER)
        .updater(new Adam(0.01))
        .list()
        .layer(new DenseLayer.Builder().name("hidden").nIn(4).nOut(8).activation(Activation.RELU).build())
        .layer(new DropoutLayer.Builder(0.5).name("drop").build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("output").nIn(8).nOut(3)
            .activation(Activation.SOFTMAX).build())
        .build();
  }
}

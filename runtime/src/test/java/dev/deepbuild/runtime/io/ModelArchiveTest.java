package dev.deepbuild.runtime.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.annotations.Task;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.NormalizerStandardize;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.RmsProp;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

class ModelArchiveTest {
  private static final ModelMetadata METADATA = new ModelMetadata("0.1.0", "blobs",
      Task.CLASSIFICATION, List.of("a", "b"), new InputSchema.Csv(List.of(0, 1, 2),
          List.of("x", "y", "z"), 3, "label", ',', true), List.of());

  @TempDir Path folder;

  @Test
  void aSequentialNetworkIsWrittenAsModelSerializerWritesItWithTheMetadataBeside()
      throws IOException {
    MultiLayerNetwork net = new MultiLayerNetwork(new NeuralNetConfiguration.Builder().seed(3)
        .updater(new RmsProp(0.01)).list()
        .layer(new DenseLayer.Builder().nIn(3).nOut(5).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nIn(5).nOut(2)
            .activation(Activation.SOFTMAX).build())
        .build());
    net.init();
    DataSet rows = rows();
    net.fit(rows);
    NormalizerStandardize normalizer = new NormalizerStandardize();
    normalizer.fit(rows);

    Path ours = folder.resolve("ours.zip");
    ModelArchive.write(new ModelArchive.Content(net.getLayerWiseConfigurations().toJson(),
        net.params(), net.getUpdater().getStateViewArray()), Optional.of(normalizer),
        Optional.of(METADATA), ours);
    Path dl4j = folder.resolve("dl4j.zip");
    ModelSerializer.writeModel(net, dl4j.toFile(), true);
    ModelSerializer.addNormalizerToModel(dl4j.toFile(), normalizer);

    Map<String, byte[]> written = entries(ours);
    assertEquals(List.of("coefficients.bin", "configuration.json", ModelMetadata.ENTRY,
        "normalizer.bin", "updaterState.bin"), List.copyOf(written.keySet()));
    entries(dl4j).forEach((name, content) -> assertArrayEquals(content, written.get(name), name));
    assertEquals(METADATA, ModelArchive.metadata(ours));

    MultiLayerNetwork restored = ModelSerializer.restoreMultiLayerNetwork(ours.toFile(), true);
    assertEquals(net.params(), restored.params());
    assertEquals(net.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray());
    NormalizerStandardize read = ModelSerializer.restoreNormalizerFromFile(ours.toFile());
    assertEquals(normalizer.getMean(), read.getMean());
    assertEquals(normalizer.getStd(), read.getStd());
  }

  @Test
  void aGraphWithoutNormalizerOrMetadataIsWrittenAsModelSerializerWritesIt() throws IOException {
    ComputationGraph graph = new ComputationGraph(new NeuralNetConfiguration.Builder().seed(5)
        .updater(new RmsProp(0.01)).graphBuilder().addInputs("in")
        .addLayer("hidden", new DenseLayer.Builder().nIn(3).nOut(4).build(), "in")
        .addLayer("out", new OutputLayer.Builder(LossFunction.MCXENT).nIn(4).nOut(2)
            .activation(Activation.SOFTMAX).build(), "hidden")
        .setOutputs("out").build());
    graph.init();
    graph.fit(rows());

    Path ours = folder.resolve("graph.zip");
    ModelArchive.write(new ModelArchive.Content(graph.getConfiguration().toJson(), graph.params(),
        graph.getUpdater().getStateViewArray()), Optional.empty(), Optional.empty(), ours);
    Path dl4j = folder.resolve("graph-dl4j.zip");
    ModelSerializer.writeModel(graph, dl4j.toFile(), true);

    Map<String, byte[]> written = entries(ours);
    Map<String, byte[]> expected = entries(dl4j);
    assertEquals(expected.keySet(), written.keySet());
    expected.forEach((name, content) -> assertArrayEquals(content, written.get(name), name));
    ComputationGraph restored = ModelSerializer.restoreComputationGraph(ours.toFile(), true);
    assertEquals(graph.params(), restored.params());
    assertEquals(graph.getUpdater().getStateViewArray(), restored.getUpdater().getStateViewArray());
  }

  @Test
  void aFailedWriteLeavesTheEarlierFileAndNoTemporaryOne() throws IOException {
    Path target = folder.resolve("model.zip");
    Files.writeString(target, "earlier");
    INDArray parameters = Nd4j.ones(DataType.FLOAT, 1, 4);
    // A configuration that is not there fails the write before anything is moved into place.
    assertThrows(NullPointerException.class,
        () -> ModelArchive.write(new ModelArchive.Content(null, parameters, null),
            Optional.empty(), Optional.empty(), target));
    assertEquals("earlier", Files.readString(target));
    try (var files = Files.list(folder)) {
      assertEquals(List.of(target), files.toList());
    }
  }

  private static DataSet rows() {
    INDArray features = Nd4j.create(new float[][] {{1, 2, 3}, {2, 1, 0}, {0, 4, 1}, {3, 3, 3}});
    INDArray labels = Nd4j.create(new float[][] {{1, 0}, {0, 1}, {1, 0}, {0, 1}});
    return new DataSet(features, labels);
  }

  /** Each entry's uncompressed bytes, by name. */
  private static Map<String, byte[]> entries(Path zip) throws IOException {
    Map<String, byte[]> entries = new TreeMap<>();
    try (ZipFile file = new ZipFile(zip.toFile())) {
      for (ZipEntry entry : Collections.list(file.entries())) {
        try (InputStream in = file.getInputStream(entry)) {
          entries.put(entry.getName(), in.readAllBytes());
        }
      }
    }
    return entries;
  }
}

package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.incremental.Decision;
import dev.deepbuild.runtime.incremental.IncrementalTraining;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSelection;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.BaseLocations;
import dev.deepbuild.runtime.network.FeatureExtraction;
import dev.deepbuild.runtime.network.MultiHotDense;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.PretrainedBase;
import dev.deepbuild.runtime.network.TrainableNetwork;
import dev.deepbuild.runtime.network.TransferConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A model built on another model of the build, trained for real: a base learns classes 0-4, and a
 * new head learns classes 5-9 on its frozen features, or with its top layer fine-tuned.
 */
class TransferTrainingTest {
  @TempDir Path base;
  private final List<String> log = new ArrayList<>();

  @Test
  void aFrozenBaseKeepsEveryWeightAndItsHeadLearns() throws IOException {
    trainBase();
    ModelReport report = trainer().train(transfer(head -> NetworkConfiguration.on(
        PretrainedBase.model("digits"), head)));

    Map<String, String> before = params(baseNetwork());
    Map<String, String> after = params(transferNetwork());
    assertEquals(before.get("h1"), after.get("h1"));
    assertEquals(before.get("h2"), after.get("h2"));
    assertTrue(!after.containsKey("out"), "the base's output layer is cut off: " + after.keySet());
    assertTrue(report.metrics().get(DataSplit.TEST).get(Metric.ACCURACY) > 0.5,
        () -> "the head learns the new classes from the base's features: " + report.metrics());
  }

  @Test
  void aFrozenBaseComputesItsOutputsOncePerSplit() throws IOException {
    trainBase();
    trainer().train(transfer(head -> NetworkConfiguration.on(PretrainedBase.model("digits"),
        head)));
    assertTrue(log.stream().anyMatch(line -> line.startsWith("high: the pretrained base is"
        + " frozen, so its outputs are computed once per split")), () -> String.join("\n", log));
  }

  @Test
  void theHeadOnCachedFeaturesTrainsAsTheWholeNetworkWould() throws IOException {
    trainBase();
    NetworkConfiguration conf = NetworkConfiguration.on(PretrainedBase.model("digits"),
        head(8)).locatedIn(new BaseLocations(base, output()));
    TrainableNetwork whole = conf.create(3);
    FeatureExtraction fast = conf.create(3).frozenFeatures().orElseThrow();
    // More rows than one pass of the base takes, the last pass a partial one.
    INDArray x = Nd4j.rand(DataType.FLOAT, 70, 4);
    INDArray y = Nd4j.zeros(DataType.FLOAT, 70, 5);
    for (int row = 0; row < 70; row++) {
      y.putScalar(row, row % 5, 1);
    }
    INDArray features = fast.features(new org.nd4j.linalg.dataset.MultiDataSet(x, y))
        .getFeatures(0);
    for (int step = 0; step < 5; step++) {
      whole.fit(new INDArray[] {x}, new INDArray[] {y});
      fast.head().fit(new INDArray[] {features}, new INDArray[] {y});
    }
    INDArray expected = whole.output(new INDArray[] {x})[0];
    assertTrue(expected.equalsWithEps(fast.head().output(new INDArray[] {features})[0], 1e-5));

    Path saved = base.resolve("fast.zip");
    fast.head().save(saved, Optional.empty());
    assertTrue(expected.equalsWithEps(
        dev.deepbuild.runtime.network.Networks.load(saved).output(new INDArray[] {x})[0], 1e-5),
        "the saved model is the whole network, base and trained head");
  }

  @Test
  void aHeadOnABaseThatTakesWordIndicesTakesThemToo() throws IOException {
    MultiLayerNetwork words = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
        .seed(1).list()
        .layer(new MultiHotDense.Builder().name("bag").nIn(20).nOut(8)
            .activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nIn(8).nOut(5)
            .activation(Activation.SOFTMAX).build())
        .build());
    words.init();
    Path saved = output().resolve("words/model.zip");
    Files.createDirectories(saved.getParent());
    ModelSerializer.writeModel(words, saved.toFile(), false);
    NetworkConfiguration frozen = NetworkConfiguration.on(PretrainedBase.model("words"), head(8))
        .locatedIn(new BaseLocations(base, output()));
    INDArray indices = Nd4j.createFromArray(new float[][] {{1, 4, 19}, {0, -1, -1}, {7, 8, -1}});
    INDArray labels = Nd4j.zeros(DataType.FLOAT, 3, 5);

    assertTrue(frozen.takesTokenIndices(0));
    TrainableNetwork whole = frozen.create(3);
    whole.fit(new INDArray[] {indices}, new INDArray[] {labels});
    assertArrayEquals(new long[] {3, 5}, whole.output(new INDArray[] {indices})[0].shape());
  }

  @Test
  void aConvolutionalBaseHandsItsFlattenToTheHead() throws IOException {
    // As generated code builds it: 4x4 images, a convolution, and the flatten DL4J adds as a
    // preprocessor of the output layer, which the cut removes with that layer.
    MultiLayerNetwork convnet = new MultiLayerNetwork(new NeuralNetConfiguration.Builder()
        .seed(1).list()
        .layer(new ConvolutionLayer.Builder(2, 2).name("conv").nOut(3)
            .activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(5)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutionalFlat(4, 4, 1))
        .build());
    convnet.init();
    Path saved = output().resolve("digits/model.zip");
    Files.createDirectories(saved.getParent());
    ModelSerializer.writeModel(convnet, saved.toFile(), false);
    // The head takes the base's 3x3x3 feature map flattened, as the processor infers it.
    NetworkConfiguration frozen = NetworkConfiguration.on(PretrainedBase.model("digits"), head(27))
        .locatedIn(new BaseLocations(base, output()));
    INDArray images = Nd4j.rand(DataType.FLOAT, 6, 16);
    INDArray labels = Nd4j.zeros(DataType.FLOAT, 6, 5);
    TrainableNetwork whole = frozen.create(3);
    whole.fit(new INDArray[] {images}, new INDArray[] {labels});
    assertArrayEquals(new long[] {6, 5}, whole.output(new INDArray[] {images})[0].shape());

    FeatureExtraction fast = frozen.create(3).frozenFeatures().orElseThrow();
    INDArray features = fast.features(new org.nd4j.linalg.dataset.MultiDataSet(images, labels))
        .getFeatures(0);
    fast.head().fit(new INDArray[] {features}, new INDArray[] {labels});
    assertArrayEquals(new long[] {6, 5}, fast.head().output(new INDArray[] {features})[0].shape());
  }

  @Test
  void aFineTunedBaseTrainsItsTopOnTheOutputsOfItsFrozenLayersAsTheWholeNetworkWould()
      throws IOException {
    trainBase();
    NetworkConfiguration conf = NetworkConfiguration.on(PretrainedBase.model("digits"), head(8))
        .trainable(1).fineTuneLearningRate(0.001).locatedIn(new BaseLocations(base, output()));
    TrainableNetwork whole = conf.create(3);
    FeatureExtraction fast = conf.create(3).frozenFeatures().orElseThrow();
    assertTrue(fast.computed().contains("frozen up to h1"), fast.computed());
    INDArray x = Nd4j.rand(DataType.FLOAT, 32, 4);
    INDArray y = Nd4j.zeros(DataType.FLOAT, 32, 5);
    for (int row = 0; row < 32; row++) {
      y.putScalar(row, row % 5, 1);
    }
    INDArray features = fast.features(new org.nd4j.linalg.dataset.MultiDataSet(x, y))
        .getFeatures(0);
    assertArrayEquals(new long[] {32, 16}, features.shape(), "h1's outputs");
    // The head's rate is the one a schedule reads, and the fine-tuned layer keeps its lower one.
    assertEquals(0.01, fast.head().learningRate(), 1e-12);
    for (int step = 0; step < 5; step++) {
      whole.fit(new INDArray[] {x}, new INDArray[] {y});
      fast.head().fit(new INDArray[] {features}, new INDArray[] {y});
    }
    INDArray expected = whole.output(new INDArray[] {x})[0];
    assertTrue(expected.equalsWithEps(fast.head().output(new INDArray[] {features})[0], 1e-5));

    Path saved = base.resolve("tuned.zip");
    fast.head().save(saved, Optional.empty());
    assertTrue(expected.equalsWithEps(
        dev.deepbuild.runtime.network.Networks.load(saved).output(new INDArray[] {x})[0], 1e-5),
        "the saved model is the whole network with its fine-tuned layer and head");
    assertNotEquals(params(baseNetwork()).get("h2"),
        params(ModelSerializer.restoreComputationGraph(saved.toFile())).get("h2"));
  }

  @Test
  void aModelOnAModelWithAFrozenBaseFineTunesTheLayersItUnfreezes() throws IOException {
    trainBase();
    trainer().train(transfer(head -> NetworkConfiguration.on(PretrainedBase.model("digits"),
        head)));
    // "high" saved h1 and h2 frozen; a model on it fine-tunes h2 all the same.
    ModelSpec spec = ModelSpec.builder("higher").seed(5)
        .data(CsvSource.file("high.csv").labelColumn("label")).split(0.2, 0.2)
        .classification(0).standardize().epochs(3).batchSize(16).build();
    trainer().train(Definitions.configured(spec, inputs -> NetworkConfiguration.on(
        PretrainedBase.model("high"), head(8)).trainable(1).fineTuneLearningRate(0.001)));

    Map<String, String> frozen = params(transferNetwork());
    Map<String, String> tuned = params(ModelSerializer.restoreComputationGraph(
        output().resolve("higher/model.zip").toFile()));
    assertEquals(frozen.get("h1"), tuned.get("h1"));
    assertNotEquals(frozen.get("h2"), tuned.get("h2"));
  }

  @Test
  void aScheduleKeepsTheFineTuningRateAsMuchLower() throws IOException {
    trainBase();
    TrainableNetwork net = NetworkConfiguration.on(PretrainedBase.model("digits"), head(8))
        .trainable(1).fineTuneLearningRate(0.001)
        .locatedIn(new BaseLocations(base, output())).create(3);
    assertEquals(0.01, net.learningRate(), 1e-12);
    net.setLearningRate(0.005);
    assertEquals(0.005, net.learningRate(), 1e-12);
    Path saved = base.resolve("scheduled.zip");
    net.save(saved, Optional.empty());
    ComputationGraph graph = ModelSerializer.restoreComputationGraph(saved.toFile());
    assertEquals(0.0005, graph.getLearningRate("h2"), 1e-9);
    assertEquals(0.005, graph.getLearningRate("classes"), 1e-9);
  }

  @Test
  void fineTuningTrainsOnlyTheBasesTopLayers() throws IOException {
    trainBase();
    trainer().train(transfer(head -> NetworkConfiguration.on(PretrainedBase.model("digits"), head)
        .trainable(1).fineTuneLearningRate(0.001)));

    Map<String, String> before = params(baseNetwork());
    Map<String, String> after = params(transferNetwork());
    assertEquals(before.get("h1"), after.get("h1"));
    assertNotEquals(before.get("h2"), after.get("h2"));
  }

  @Test
  void aBaseCutAtANamedLayerEndsThere() throws IOException {
    trainBase();
    trainer().train(transfer(16, head -> NetworkConfiguration.on(
        PretrainedBase.model("digits").upTo("h1"), head)));

    Map<String, String> after = params(transferNetwork());
    assertEquals(List.of("h1", "classes"), List.copyOf(after.keySet()));
    assertEquals(params(baseNetwork()).get("h1"), after.get("h1"));
  }

  @Test
  void aRetrainedBaseMakesTheModelOutOfDate() throws IOException {
    trainBase();
    ModelDefinition model = transfer(head -> NetworkConfiguration.on(
        PretrainedBase.model("digits"), head));
    IncrementalTraining incremental = new IncrementalTraining(base, output(), loader());
    Decision.Train first = (Decision.Train) incremental.decide(model, false);
    trainer().train(model, first.provenance());
    assertTrue(incremental.decide(model, false) instanceof Decision.Reuse);
    assertEquals("model digits, frozen",
        first.provenance().fingerprint().get("pretrainedBase"));

    trainer().train(baseModel(7));
    Decision retrained = incremental.decide(model, false);
    assertTrue(retrained instanceof Decision.Train train && train.reason().contains("network"),
        () -> "a new base is a new network: " + retrained);
  }

  @Test
  void anUntrainedBaseNamesWhereItLookedAndWhatToRun() throws IOException {
    writeData();
    ModelDefinition model = transfer(head -> NetworkConfiguration.on(
        PretrainedBase.model("digits"), head));
    String message = assertThrows(InvalidInputException.class, () -> trainer().train(model))
        .getMessage();
    assertTrue(message.contains(output().resolve("digits/model.zip").toString())
        && message.contains("train 'digits' first"), message);
  }

  @Test
  void aHeadOfAnotherWidthThanTheBaseGivesIsAnError() throws IOException {
    trainBase();
    String message = assertThrows(InvalidInputException.class, () -> trainer().train(transfer(
        head -> NetworkConfiguration.on(PretrainedBase.model("digits").upTo("h1"), head))))
        .getMessage();
    assertTrue(message.contains("takes 8 values") && message.contains("'h1' gives 16"), message);
  }

  @Test
  void moreTrainableLayersThanTheBaseHasIsAnError() throws IOException {
    trainBase();
    String message = assertThrows(InvalidInputException.class, () -> trainer().train(transfer(
        head -> NetworkConfiguration.on(PretrainedBase.model("digits"), head).trainable(3))))
        .getMessage();
    assertTrue(message.contains("trainable = 3") && message.contains("[h1, h2]"), message);
  }

  @Test
  void aMissingKerasFileIsNamedWithWhereItWasLookedFor() throws IOException {
    writeData();
    ModelDefinition model = transfer(head -> NetworkConfiguration.on(
        PretrainedBase.keras("models/base.h5"), head));
    String message = assertThrows(InvalidInputException.class, () -> trainer().train(model))
        .getMessage();
    assertTrue(message.contains("the Keras file 'models/base.h5' is not at "
        + base.resolve("models/base.h5")), message);
  }

  @Test
  void theSelectionTrainsABaseBeforeTheModelsBuiltOnIt() throws IOException {
    ModelDefinition declared = transfer(head -> NetworkConfiguration.on(
        PretrainedBase.model("digits"), head));
    // As generated code states it: the base apart from the network, which ordering never builds.
    ModelDefinition transfer = new ModelDefinition() {
      @Override
      public ModelSpec spec() {
        return declared.spec();
      }

      @Override
      public NetworkConfiguration network(int inputs) {
        throw new AssertionError("ordering the models builds no network");
      }

      @Override
      public Optional<String> baseModel() {
        return Optional.of("digits");
      }
    };
    Map<String, ModelDefinition> models = new LinkedHashMap<>();
    models.put("high", transfer);
    models.put("digits", baseModel(42));
    assertEquals(List.of("digits", "high"), ModelSelection.select(models, List.of()).stream()
        .map(model -> model.spec().name()).toList());
    assertEquals(List.of("digits", "high"), ModelSelection.select(models,
        List.of("high", "digits")).stream().map(model -> model.spec().name()).toList());
  }

  private void trainBase() throws IOException {
    writeData();
    trainer().train(baseModel(42));
  }

  private void writeData() throws IOException {
    if (Files.exists(base.resolve("low.csv"))) {
      return;
    }
    Path all = base.resolve("all.csv");
    GeneratedData.blobs(all, 10, 40, 5);
    List<String> lines = Files.readAllLines(all);
    Files.write(base.resolve("low.csv"), rows(lines, false));
    Files.write(base.resolve("high.csv"), rows(lines, true));
  }

  /** The header, then the rows of classes 0-4 or of classes 5-9. */
  private static List<String> rows(List<String> lines, boolean high) {
    List<String> rows = new ArrayList<>(List.of(lines.get(0)));
    lines.stream().skip(1)
        .filter(line -> Integer.parseInt(line.substring(line.lastIndexOf(',') + 1)) >= 5 == high)
        .forEach(rows::add);
    return rows;
  }

  /** {@code 4 -> h1 (16) -> h2 (8) -> out (5)}, on classes 0-4. */
  private ModelDefinition baseModel(long seed) {
    ModelSpec spec = ModelSpec.builder("digits").seed(seed)
        .data(CsvSource.file("low.csv").labelColumn("label")).split(0.2, 0.2)
        .classification(0).standardize().epochs(10).batchSize(16).build();
    return Definitions.of(spec, inputs -> new NeuralNetConfiguration.Builder()
        .seed(seed).weightInit(WeightInit.XAVIER).updater(new Adam(0.01))
        .list()
        .layer(new DenseLayer.Builder().name("h1").nOut(16).activation(Activation.RELU).build())
        .layer(new DenseLayer.Builder().name("h2").nOut(8).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("out").nOut(5)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.feedForward(inputs))
        .build());
  }

  private ModelDefinition transfer(
      Function<MultiLayerConfiguration, TransferConfiguration> network) {
    return transfer(8, network);
  }

  /** A new head of 5 classes on the base's features of {@code width} values, on classes 5-9. */
  private ModelDefinition transfer(int width,
      Function<MultiLayerConfiguration, TransferConfiguration> network) {
    ModelSpec spec = ModelSpec.builder("high").seed(3)
        .data(CsvSource.file("high.csv").labelColumn("label")).split(0.2, 0.2)
        .classification(0).standardize().epochs(15).batchSize(16).build();
    MultiLayerConfiguration head = head(width);
    return Definitions.configured(spec, inputs -> network.apply(head));
  }

  /** A softmax layer of 5 classes on {@code width} values, as generated code writes a head. */
  private static MultiLayerConfiguration head(int width) {
    return new NeuralNetConfiguration.Builder()
        .seed(3).weightInit(WeightInit.XAVIER).updater(new Adam(0.01))
        .list()
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("classes").nOut(5)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.feedForward(width))
        .build();
  }

  private ModelTrainer trainer() {
    return new ModelTrainer(base, output(), loader(), log::add);
  }

  private Path output() {
    return base.resolve("target/deepbuild");
  }

  private ClassLoader loader() {
    return getClass().getClassLoader();
  }

  private MultiLayerNetwork baseNetwork() throws IOException {
    return ModelSerializer.restoreMultiLayerNetwork(output().resolve("digits/model.zip").toFile());
  }

  private ComputationGraph transferNetwork() throws IOException {
    return ModelSerializer.restoreComputationGraph(output().resolve("high/model.zip").toFile());
  }

  /** Each layer's parameters by layer name, in the order the data reaches them. */
  private static Map<String, String> params(MultiLayerNetwork net) {
    return java.util.Arrays.stream(net.getLayers()).collect(Collectors.toMap(
        layer -> layer.conf().getLayer().getLayerName(), TransferTrainingTest::values,
        (a, b) -> a, LinkedHashMap::new));
  }

  private static Map<String, String> params(ComputationGraph graph) {
    Map<String, String> params = new LinkedHashMap<>();
    for (int index : graph.topologicalSortOrder()) {
      var vertex = graph.getVertices()[index];
      if (vertex.hasLayer()) {
        params.put(vertex.getVertexName(), values(vertex.getLayer()));
      }
    }
    return params;
  }

  private static String values(Layer layer) {
    return layer.params().toStringFull();
  }
}

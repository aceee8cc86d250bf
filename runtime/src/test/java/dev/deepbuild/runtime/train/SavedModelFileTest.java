package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.datasets.read.TextDataReader;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.incremental.RuntimeVersions;
import dev.deepbuild.runtime.inspect.ModelFile;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.io.ModelArchive;
import dev.deepbuild.runtime.io.ModelMetadata;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.Vectorization;
import dev.deepbuild.runtime.text.TextVectorizer;
import dev.deepbuild.runtime.text.TokenizedCorpus;
import dev.deepbuild.runtime.text.Tokenizer;
import dev.deepbuild.runtime.text.Vocabulary;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * {@code model.zip} on its own: trained for real, it holds the class names, input schema and
 * vocabulary training used, which {@link ModelFile} reads back with the network and its
 * standardization, and plain DL4J still reads it as its own.
 */
class SavedModelFileTest {
  @TempDir Path base;
  @TempDir Path cache;
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void restoreCacheDirectory() {
    System.clearProperty("deepbuild.prepared.cache");
  }

  @Test
  void aClassifierSavesItsClassesAndTableColumns() throws IOException {
    GeneratedData.blobs(base.resolve("blobs.csv"), 3, 40, 5);
    ModelSpec spec = ModelSpec.builder("blobs").declaredBy("com.example.Blobs").seed(42)
        .data(CsvSource.file("blobs.csv").labelColumn("label")).split(0.2, 0.2)
        .classification(0).standardize().epochs(3).batchSize(16).build();
    ModelDefinition model = model(spec, inputs -> Networks.dense(42, inputs, 8, 3,
        Activation.SOFTMAX, LossFunction.MCXENT, 1.0));
    new ModelTrainer(base, base.resolve("target/deepbuild"), getClass().getClassLoader(), log::add)
        .train(model);

    Path file = base.resolve("target/deepbuild/blobs/model.zip");
    ModelFile saved = ModelFile.load(file);
    assertEquals(new ModelMetadata(RuntimeVersions.deepbuildVersion(), "blobs", Task.CLASSIFICATION,
        List.of("0", "1", "2"), new InputSchema.Csv(List.of(0, 1, 2, 3),
            List.of("f0", "f1", "f2", "f3"), 4, "label", ',', true), List.of()), saved.metadata());
    assertEquals(trainingInputs(model).metadata(), saved.metadata());
    assertTrue(saved.normalizer().isPresent());
    // The best checkpoint is a complete model too.
    assertEquals(saved.metadata(), ModelArchive.metadata(file.resolveSibling("checkpoints/best.zip")));
    assertPlainDl4jReads(saved, true);
  }

  @Test
  void aRegressorSavesItsColumnsWithoutAHeader() throws IOException {
    GeneratedData.linear(base.resolve("linear.csv"), 120, 3);
    ModelSpec spec = ModelSpec.builder("linear").seed(42)
        .data(CsvSource.file("linear.csv").labelIndex(0).delimiter(',')).split(0.2, 0.2)
        .regression().standardize().epochs(3).batchSize(16).build();
    ModelDefinition model = model(spec, inputs -> Networks.dense(42, inputs, 8, 1,
        Activation.IDENTITY, LossFunction.MSE, 1));
    new ModelTrainer(base, base.resolve("out"), getClass().getClassLoader(), log::add).train(model);

    ModelFile saved = ModelFile.load(base.resolve("out/linear/model.zip"));
    assertEquals(new ModelMetadata(RuntimeVersions.deepbuildVersion(), "linear", Task.REGRESSION,
        List.of(), new InputSchema.Csv(List.of(1, 2, 3), List.of(), 0, "", ',', false), List.of()),
        saved.metadata());
    assertPlainDl4jReads(saved, true);
  }

  @Test
  void aTextModelSavesItsVocabularyAndPredictsWithoutItsTexts() throws IOException {
    System.setProperty("deepbuild.prepared.cache", cache.toString());
    reviews();
    ModelSpec spec = ModelSpec.builder("reviews").declaredBy("com.example.Reviews").seed(3)
        .data(TextSource.folder("reviews")).split(0.25, 0).classification(0)
        .vectorize(Vectorization.multiHot(12)).epochs(3).batchSize(16).build();
    ModelDefinition model = model(spec, inputs -> Networks.dense(3, 12, 8, 2,
        Activation.SOFTMAX, LossFunction.MCXENT, 1.0));
    new ModelTrainer(base, base.resolve("target/deepbuild"), getClass().getClassLoader(), log::add)
        .train(model);
    ModelInputs inputs = trainingInputs(model);
    List<String> trainingWords = inputs.features().vocabulary();
    INDArray trainingRow = inputs.features().rows(new int[] {0}, DataType.FLOAT);
    String firstReview = new TextDataReader(base).read("reviews", TextSource.folder("reviews"))
        .texts().get(0);

    deleteTree(base.resolve("reviews"));
    ModelFile saved = ModelFile.load(base.resolve("target/deepbuild/reviews/model.zip"));
    ModelMetadata metadata = saved.metadata();
    assertEquals(List.of("negative", "positive"), metadata.classNames());
    assertEquals(new InputSchema.Text(OutputMode.MULTI_HOT, 12, 0, Tokenizer.TOKENIZER_VERSION),
        metadata.input());
    assertEquals(12, metadata.vocabulary().size());
    assertEquals(trainingWords, metadata.vocabulary());
    assertEquals(inputs.metadata(), metadata);
    assertTrue(saved.normalizer().isEmpty());

    // The saved vocabulary vectorizes a text as training did: the same input, the same prediction.
    InputSchema.Text text = (InputSchema.Text) metadata.input();
    INDArray row = new TextVectorizer(text.maxTokens(), text.mode(), text.sequenceLength())
        .encode(TokenizedCorpus.of(List.of(firstReview)), Vocabulary.of(metadata.vocabulary()))
        .toINDArray(new int[] {0}, DataType.FLOAT);
    assertEquals(trainingRow, row);
    assertPlainDl4jReads(saved, false);
  }

  @Test
  void aModelFileWithoutMetadataIsRefusedByName() throws IOException {
    MultiLayerNetwork net = new MultiLayerNetwork(Networks.dense(1, 4, 3, 2, Activation.SOFTMAX,
        LossFunction.MCXENT, 1.0));
    net.init();
    Path file = base.resolve("plain/model.zip");
    Files.createDirectories(file.getParent());
    ModelSerializer.writeModel(net, file.toFile(), true);

    IOException missing = assertThrows(IOException.class, () -> ModelFile.load(file));
    assertTrue(missing.getMessage().startsWith(file + " has no deepbuild/model.json"),
        missing.getMessage());
    assertTrue(missing.getMessage().contains("Run mvn dl:train"), missing.getMessage());

    // The entry of another format version names the file and both versions.
    try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + file.toUri()), Map.of())) {
      Path entry = zip.getPath(ModelMetadata.ENTRY);
      Files.createDirectories(entry.getParent());
      Files.writeString(entry, "{\"format\": 99, \"deepbuild\": \"9.0\"}", StandardCharsets.UTF_8);
    }
    IOException other = assertThrows(IOException.class, () -> ModelFile.load(file));
    assertTrue(other.getMessage().contains(file.toString()), other.getMessage());
    assertTrue(other.getMessage().contains("format is 99 (written by DeepBuild 9.0), but this"
        + " DeepBuild reads formats 1 and " + ModelMetadata.FORMAT), other.getMessage());
  }

  /** DL4J's own serializer reads the network and the standardization, ignoring the extra entry. */
  private static void assertPlainDl4jReads(ModelFile saved, boolean standardized) throws IOException {
    MultiLayerNetwork plain = ModelSerializer.restoreMultiLayerNetwork(saved.file().toFile());
    DataNormalization normalizer = ModelSerializer.restoreNormalizerFromFile(saved.file().toFile());
    assertEquals(standardized, normalizer != null);
    INDArray features = Nd4j.rand(DataType.FLOAT, 5, plain.layerInputSize(0));
    assertEquals(saved.net().output(new INDArray[] {features})[0], plain.output(features));
    assertNotNull(plain.getUpdater());
  }

  private ModelInputs trainingInputs(ModelDefinition model) {
    return ModelInputs.prepare(model, new ExamplesReader(base, getClass().getClassLoader(), log::add));
  }

  private static ModelDefinition model(ModelSpec spec, IntFunction<MultiLayerConfiguration> network) {
    return Definitions.of(spec, inputs -> network.apply(inputs));
  }

  /** Two folders of short reviews, a polarity's words among filler; more words than the vocabulary. */
  private void reviews() throws IOException {
    List<String> good = List.of("great", "wonderful", "superb", "moving", "fine");
    List<String> bad = List.of("awful", "boring", "dull", "terrible", "poor");
    List<String> filler = List.of("the", "a", "film", "movie", "plot", "actor");
    Random random = new Random(5);
    for (String polarity : List.of("negative", "positive")) {
      Path folder = Files.createDirectories(base.resolve("reviews").resolve(polarity));
      List<String> words = polarity.equals("positive") ? good : bad;
      for (int i = 0; i < 30; i++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 12; w++) {
          List<String> pool = random.nextInt(3) == 0 ? words : filler;
          text.append(pool.get(random.nextInt(pool.size()))).append(' ');
        }
        Files.writeString(folder.resolve("review-" + i + ".txt"), text);
      }
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
      }
    }
  }
}

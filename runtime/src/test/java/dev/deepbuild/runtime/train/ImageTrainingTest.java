package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Flip;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.data.ImageSource;
import dev.deepbuild.runtime.datasets.DatasetCatalog;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import dev.deepbuild.runtime.datasets.read.LabelledImages;
import dev.deepbuild.runtime.datasets.read.MnistReader;
import dev.deepbuild.runtime.incremental.Decision;
import dev.deepbuild.runtime.incremental.IncrementalTraining;
import dev.deepbuild.runtime.inspect.EvaluationSession;
import dev.deepbuild.runtime.inspect.ModelFile;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.AugmentationSpec;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.model.KFoldSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.RescalingSpec;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/**
 * The image path end to end on real digits: 2,000 MNIST training digits written as a user's image
 * folder (PNG, every tenth JPEG), read by {@code @ImageData}'s reader, fed as NCHW minibatches to
 * a network declared on {@code InputType.convolutional(28, 28, 1)}, trained, evaluated and saved
 * by {@link ModelTrainer} with the image schema in its metadata.
 */
class ImageTrainingTest {
  private static final int DIGITS = 2_000;
  @TempDir static Path base;

  @BeforeAll
  static void writeDigits() throws IOException {
    LabelledImages mnist = MnistReader.read(
        DatasetStore.configured(null, null, line -> {}).tarball(DatasetCatalog.MNIST));
    for (int i = 0; i < DIGITS; i++) {
      BufferedImage image = new BufferedImage(28, 28, BufferedImage.TYPE_BYTE_GRAY);
      for (int p = 0; p < 784; p++) {
        int v = mnist.images().value(i, p);
        image.getRaster().setSample(p % 28, p / 28, 0, v);
      }
      Path folder = Files.createDirectories(base.resolve("digits")
          .resolve(mnist.classNames().get(mnist.labels()[i])));
      boolean jpeg = i % 10 == 0;
      ImageIO.write(image, jpeg ? "jpeg" : "png", folder.resolve(i + (jpeg ? ".jpg" : ".png"))
          .toFile());
    }
  }

  private static MultiLayerConfiguration dense(int inputs) {
    return new NeuralNetConfiguration.Builder().seed(42).updater(new Adam(2e-3)).list()
        .layer(new DenseLayer.Builder().nOut(64).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT).nOut(10)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(28, 28, 1))
        .build();
  }

  private static ModelSpec.Builder digits(String name) {
    return ModelSpec.builder(name).declaredBy("com.example.Digits").seed(42)
        .data(new ImageSource("digits", 28, 28, 1)).classification(10).testFraction(0.2)
        .rescaling(RescalingSpec.scale(1 / 255.0)).epochs(1).batchSize(16);
  }

  private static ModelReport train(ModelSpec spec, List<String> log) {
    ModelDefinition model = Definitions.of(spec, ImageTrainingTest::dense);
    return new ModelTrainer(base, base.resolve("target/deepbuild"),
        ImageTrainingTest.class.getClassLoader(), log::add).train(model);
  }

  @Test
  void digitsFromAnImageFolderTrainWellAboveChanceAndSaveTheirSchema() throws IOException {
    List<String> log = new ArrayList<>();
    long start = System.nanoTime();
    ModelReport report = train(digits("digits").build(), log);
    System.out.printf("2,000 digits read and trained for 1 epoch in %.1f s%n",
        (System.nanoTime() - start) / 1e9);
    double accuracy = report.metric(DataSplit.TEST, Metric.ACCURACY).orElseThrow();
    assertTrue(accuracy > 0.8, "test accuracy " + accuracy + "\n" + String.join("\n", log));
    assertTrue(log.get(0).startsWith("digits: 2000 images of 28x28x1 from image folder digits,"
        + " 10 classes; 1600 for training, 0 for validation, 400 for test"), log.get(0));

    ModelFile saved = ModelFile.load(base.resolve("target/deepbuild/digits/model.zip"));
    assertEquals(new InputSchema.Image(28, 28, 1, 1 / 255.0, 0), saved.metadata().input());
    assertEquals(List.of("0", "1", "2", "3", "4", "5", "6", "7", "8", "9"),
        saved.metadata().classNames());
  }

  @Test
  void evaluatingTheSavedImageModelMeasuresTheTestImagesAsTrainingDid() {
    ModelDefinition model = Definitions.of(digits("evaluated").build(), ImageTrainingTest::dense);
    Path output = base.resolve("target/deepbuild");
    ClassLoader loader = ImageTrainingTest.class.getClassLoader();
    Decision.Train decision = (Decision.Train) new IncrementalTraining(base, output, loader)
        .decide(model, true);
    ModelReport trained = new ModelTrainer(base, output, loader, line -> {})
        .train(model, decision.provenance());
    ModelOutcome evaluated = new EvaluationSession(base, output, null, loader, line -> {})
        .run(List.of(model), spec -> List.of()).models().get(0);
    assertNull(evaluated.error());
    assertEquals(trained.metric(DataSplit.TEST, Metric.ACCURACY).orElseThrow(),
        evaluated.report().metric(DataSplit.TEST, Metric.ACCURACY).orElseThrow(), 1e-6);
  }

  @Test
  void augmentedDigitsTrainAndAreMeasuredOnTheImagesAsTheyAre() {
    List<String> log = new ArrayList<>();
    ModelReport report = train(digits("augmented").augmentation(AugmentationSpec.none()
        .rotation(0.03).zoom(0.1).translation(0.05).flip(Flip.NONE)).build(), log);
    double accuracy = report.metric(DataSplit.TEST, Metric.ACCURACY).orElseThrow();
    assertTrue(accuracy > 0.7, "test accuracy " + accuracy + "\n" + String.join("\n", log));
  }

  @Test
  void kFoldOfImagesValidatesEachFoldOnItsImages() {
    List<String> log = new ArrayList<>();
    ModelReport report = train(digits("folds").kFold(KFoldSpec.folds(2)).build(), log);
    assertEquals(2, report.kFold().folds().size());
    double mean = report.metric(DataSplit.KFOLD_MEAN, Metric.ACCURACY).orElseThrow();
    assertTrue(mean > 0.7, "k-fold mean accuracy " + mean + "\n" + String.join("\n", log));
  }
}

package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.generatedSources;
import static dev.deepbuild.processor.TestSources.model;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The checks of {@code @ImageData}, {@code @Rescaling} and {@code @Augmentation}; {@code
 * ImageSpecWriterTest} holds the spec they generate.
 */
class ImageDataTest {

  /** A model whose one dense layer takes what the data gives: a vector, not an image. */
  private static JavaFileObject pets(String data, String preprocessing) {
    return model("Pets", data + "\n" + preprocessing + """

        @Model
        @Train(epochs = 5, loss = BINARY_CROSSENTROPY)
        class Pets {
          @Dense(units = 1, activation = SIGMOID) Layer output;
        }
        """);
  }

  /** A model of images, flattened for its dense layer. */
  private static JavaFileObject petImages(String data, String preprocessing) {
    return model("Pets", data + "\n" + preprocessing + """

        @Model
        @Train(epochs = 5, loss = BINARY_CROSSENTROPY)
        class Pets {
          @Flatten Layer flatten;
          @Dense(units = 1, activation = SIGMOID) Layer output;
        }
        """);
  }

  @Test
  void rescalingAndAugmentationNeedImages() throws IOException {
    JavaFileObject source = pets("@CsvData(resource = \"pets.csv\", label = 4)",
        "@Rescaling(1 / 255.0)\n@Augmentation(flip = Flip.VERTICAL)");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("@Rescaling on class 'Pets': @Rescaling scales image"
        + " pixels, and this model reads @CsvData, which is not images. Remove @Rescaling, or read"
        + " images with @ImageData or @Dataset(MNIST), @Dataset(FASHION_MNIST) or"
        + " @Dataset(CATS_VS_DOGS).").inFile(source).onLineContaining("@Rescaling");
    assertThat(compilation).hadErrorContaining("@Augmentation on class 'Pets': @Augmentation"
        + " changes training images, and this model reads @CsvData").inFile(source)
        .onLineContaining("@Augmentation");
    assertThat(compilation).hadErrorCount(2);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void augmentationFactorsAreInRangeOnTheirValue() {
    JavaFileObject source = petImages("@Dataset(CATS_VS_DOGS)",
        "@Augmentation(rotation = 1.5,\n    contrast = -0.1)");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("@Augmentation(rotation = 1.5) on class 'Pets':"
        + " rotation is the largest turn either way as a fraction of a full turn, in [0, 1)."
        + " Received: rotation=1.5. Set a value in [0, 1), such as rotation = 0.1, or 0 for none.")
        .inFile(source).onLineContaining("rotation = 1.5");
    assertThat(compilation).hadErrorContaining("@Augmentation(contrast = -0.1) on class 'Pets':"
        + " contrast is the largest change of contrast, in [0, 1].")
        .inFile(source).onLineContaining("contrast = -0.1");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void anAugmentationChangesSomething() {
    JavaFileObject source = pets("@Dataset(CATS_VS_DOGS)", "@Augmentation");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("@Augmentation on class 'Pets': @Augmentation"
        + " changes nothing: it flips no image and every factor is 0. Set what to change, such as"
        + " @Augmentation(flip = Flip.HORIZONTAL, rotation = 0.1, zoom = 0.2), or remove"
        + " @Augmentation.").inFile(source).onLineContaining("@Augmentation");
  }

  @Test
  void imagesAreRescaledNotStandardized() {
    JavaFileObject source = pets("@Dataset(CATS_VS_DOGS)", "@Standardize");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("@Standardize on class 'Pets': images are not"
        + " standardized: their pixels are scaled alike, as Keras's Rescaling layer does, rather"
        + " than each with statistics of its own. Remove @Standardize and scale the pixels with"
        + " @Rescaling(1 / 255.0).").inFile(source).onLineContaining("@Standardize");
  }

  @Test
  void rescalingByZeroIsRefused() {
    JavaFileObject source = pets("@Dataset(CATS_VS_DOGS)", "@Rescaling(0)");
    assertThat(compile(source)).hadErrorContaining("@Rescaling(0.0) on class 'Pets': value is what"
        + " each pixel value is multiplied by, a finite number other than 0 (0 would make every"
        + " image blank). Received: 0.0. Set it, such as @Rescaling(1 / 255.0) for values from 0 to"
        + " 1.").inFile(source).onLineContaining("@Rescaling(0)");
  }

  @Test
  void anImageFolderNeedsALocationASizeAndOneOrThreeChannels() {
    JavaFileObject source = pets(
        "@ImageData(directory = \"\",\n    height = 0,\n    width = 32,\n    channels = 4)", "");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("directory is the folder with a sub-folder of"
        + " images per class, so it cannot be blank.").inFile(source)
        .onLineContaining("directory = \"\"");
    assertThat(compilation).hadErrorContaining("@ImageData(height = 0) on class 'Pets': height is"
        + " the height every image is resized to, in pixels, at least 1.").inFile(source)
        .onLineContaining("height = 0");
    assertThat(compilation).hadErrorContaining("@ImageData(channels = 4) on class 'Pets': images"
        + " are read as RGB (3 channels) or grayscale (1). Received: channels=4. Set channels = 3"
        + " for colour or 1 for grayscale.").inFile(source).onLineContaining("channels = 4");
    assertThat(compilation).hadErrorCount(3);
  }

  @Test
  void aFolderOfImagesHasNoFieldsForAFunctionalModel() {
    JavaFileObject source = model("Pets", """
        @Model
        @ImageData(directory = "data/pets", height = 32, width = 32)
        @Train(epochs = 5, loss = CATEGORICAL_CROSSENTROPY)
        class Pets {
          @Input(width = 4) Layer pixels;
          @Dense(units = 2, activation = SOFTMAX) @Output Layer kind;
        }
        """);
    assertThat(compile(source)).hadErrorContaining("@ImageData on class 'Pets': a functional"
        + " model's @Inputs read named fields of the data, and a folder of images has none."
        + " Declare the model's layers without @Input and @Output, as a sequential model.")
        .inFile(source).onLineContaining("@ImageData");
  }
}

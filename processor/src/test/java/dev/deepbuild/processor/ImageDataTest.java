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
 * The checks of {@code @ImageData}, {@code @Resizing}, {@code @Rescaling} and
 * {@code @Augmentation}; {@code ImageSpecWriterTest} holds the spec they generate.
 */
class ImageDataTest {

  /** A model of feature vectors, which a dense layer takes as they are. */
  private static JavaFileObject pets(String data, String preprocessing) {
    return pets(data, preprocessing, "");
  }

  /** A model of images, flattened for its dense layer, so its layers are valid. */
  private static JavaFileObject imagePets(String data, String preprocessing) {
    return pets(data, preprocessing, "  @Flatten Layer flatten;\n");
  }

  private static JavaFileObject pets(String data, String preprocessing, String flatten) {
    return model("Pets", data + "\n" + preprocessing + """

        @Model
        @Train(epochs = 5, loss = BINARY_CROSSENTROPY)
        class Pets {
        """ + flatten + """
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
    JavaFileObject source = imagePets("@Dataset(CATS_VS_DOGS)",
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
    JavaFileObject source = imagePets("@Dataset(CATS_VS_DOGS)", "@Augmentation");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("@Augmentation on class 'Pets': @Augmentation"
        + " changes nothing: it flips no image and every factor is 0. Set what to change, such as"
        + " @Augmentation(flip = Flip.HORIZONTAL, rotation = 0.1, zoom = 0.2), or remove"
        + " @Augmentation.").inFile(source).onLineContaining("@Augmentation");
  }

  @Test
  void imagesAreRescaledNotStandardized() {
    JavaFileObject source = imagePets("@Dataset(CATS_VS_DOGS)", "@Standardize");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("@Standardize on class 'Pets': images are not"
        + " standardized: their pixels are scaled alike, as Keras's Rescaling layer does, rather"
        + " than each with statistics of its own. Remove @Standardize and scale the pixels with"
        + " @Rescaling(1 / 255.0).").inFile(source).onLineContaining("@Standardize");
  }

  @Test
  void rescalingByZeroIsRefused() {
    JavaFileObject source = imagePets("@Dataset(CATS_VS_DOGS)", "@Rescaling(0)");
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
  void aFunctionalModelReadsAFoldersImagesAsTheImageField() {
    JavaFileObject source = model("Pets", """
        @Model
        @ImageData(directory = "data/pets", height = 32, width = 32)
        @Train(epochs = 5, loss = CATEGORICAL_CROSSENTROPY)
        class Pets {
          @Input(width = 4) Layer pixels;
          @Flatten Layer flat;
          @Dense(units = 2, activation = SOFTMAX) @Output Layer kind;
        }
        """);
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("@Input(width = 4) on field 'pixels': columns and"
        + " width are for tables and provided arrays, and @ImageData's inputs read its images, of"
        + " the data's own size.").inFile(source).onLineContaining("@Input");
    assertThat(compilation).hadErrorContaining("@ImageData has no image field 'pixels': its"
        + " images are the field 'image'.").inFile(source).onLineContaining("@Input");
  }

  @Test
  void resizingNeedsImages() throws IOException {
    JavaFileObject source = pets("@CsvData(resource = \"pets.csv\", label = 4)",
        "@Resizing(height = 96, width = 96)");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("@Resizing on class 'Pets': @Resizing resizes"
        + " images, and this model reads @CsvData, which is not images. Remove @Resizing, or read"
        + " images with @ImageData or @Dataset(MNIST), @Dataset(FASHION_MNIST) or"
        + " @Dataset(CATS_VS_DOGS).").inFile(source).onLineContaining("@Resizing");
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void resizingIsToAPositiveSize() {
    JavaFileObject source = imagePets("@Dataset(CATS_VS_DOGS)",
        "@Resizing(\n    height = 0,\n    width = -4)");
    Compilation compilation = compile(source);
    assertThat(compilation).hadErrorContaining("@Resizing(height = 0) on class 'Pets': height is"
        + " the images' height after resizing, a positive number of pixels. Received: height=0."
        + " Set it, such as @Resizing(height = 96, width = 96).").inFile(source)
        .onLineContaining("height = 0");
    assertThat(compilation).hadErrorContaining("width is the images' width after resizing")
        .inFile(source).onLineContaining("width = -4");
    assertThat(compilation).hadErrorCount(2);
  }

  @Test
  void aPretrainedBaseTakesTheResizedImages() throws IOException {
    JavaFileObject source = model("Pets", """
        @Model
        @Dataset(CATS_VS_DOGS)
        @Resizing(height = 96, width = 96)
        @Rescaling(1 / 255.0)
        @Train(epochs = 5, loss = BINARY_CROSSENTROPY)
        class Pets {
          @Pretrained(catalog = PretrainedModel.MOBILENET_V2) Layer base;
          @Flatten Layer flatten;
          @Dense(units = 1, activation = SIGMOID) Layer output;
        }
        """);
    Compilation compilation = compile(source);
    assertThat(compilation).succeededWithoutWarnings();
    String summary = SummaryResourceTest.summary(compilation, "pets");
    assertThat(summary).contains("(None, 3, 3, 1280)");
    assertThat(summary).contains("(None, 11520)");
  }
}

package dev.deepbuild.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.model;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @Pretrained}: one base, where it may stand, and what the base of another model is. */
class PretrainedValidationTest {

  /** A base that learns classes 0-4 of a table: h1 and h2 are its features. */
  static final String BASE =
      """
      @Model(name = "digits", seed = 42)
      @CsvData(resource = "low.dat", label = 4, classes = 5,
          split = @Split(test = 0.2, validation = 0.2))
      @Standardize
      @Train(epochs = 10, batchSize = 16, loss = CATEGORICAL_CROSSENTROPY)
      public class DigitsBase {
        @Dense(units = 16, activation = RELU) Layer h1;
        @Dense(units = 8, activation = RELU) Layer h2;
        @Dense(units = 5, activation = SOFTMAX) Layer output;
      }
      """;

  /** A new head on the base, for classes 5-9. */
  static final String TRANSFER =
      """
      @Model(name = "high", seed = 3)
      @CsvData(resource = "high.dat", label = 4, classes = 5,
          split = @Split(test = 0.2, validation = 0.2))
      @Standardize
      @Train(epochs = 15, batchSize = 16, loss = CATEGORICAL_CROSSENTROPY)
      public class HighDigits {
        @Pretrained(model = DigitsBase.class)
        Layer base;
        @Dense(units = 5, activation = SOFTMAX) Layer output;
      }
      """;

  static JavaFileObject base() {
    return model("DigitsBase", BASE);
  }

  static JavaFileObject transfer(String... replacements) {
    return model("HighDigits", TestSources.replace(TRANSFER, replacements));
  }

  private static void assertError(JavaFileObject source, String message, String line,
      JavaFileObject... others) {
    JavaFileObject[] sources = new JavaFileObject[others.length + 1];
    sources[0] = source;
    System.arraycopy(others, 0, sources, 1, others.length);
    Compilation compilation = compile(sources);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
  }

  /** The error on the line, whatever the head then reports on the data's shape it is given. */
  private static void assertRefused(JavaFileObject source, String message, String line,
      JavaFileObject... others) {
    JavaFileObject[] sources = new JavaFileObject[others.length + 1];
    sources[0] = source;
    System.arraycopy(others, 0, sources, 1, others.length);
    assertThat(compile(sources)).hadErrorContaining(message).inFile(source)
        .onLineContaining(line);
  }

  @Test
  void aModelOnAnotherModelCompiles() {
    assertThat(compile(transfer(), base())).succeededWithoutWarnings();
  }

  @Test
  void theBaseNamesOneNetwork() {
    assertError(transfer("model = DigitsBase.class", ""),
        "[DeepBuild] @Pretrained on field 'base': it names no base, and a pretrained layer is one"
            + " network. Set one of model = OtherModel.class (a model of this build), keras ="
            + " \"base.h5\" (your Keras file) or catalog = MOBILENET_V2.",
        "@Pretrained(", base());
    assertError(transfer("model = DigitsBase.class",
            "model = DigitsBase.class, keras = \"base.h5\", outputShape = 8"),
        "@Pretrained(keras = \"base.h5\") on field 'base': it names model and keras, and a"
            + " pretrained layer is one network. Received: keras=\"base.h5\". Keep one of model,"
            + " keras.", "@Pretrained(", base());
  }

  @Test
  void aBaseIsAModelClass() {
    assertError(transfer("model = DigitsBase.class", "model = String.class"),
        "@Pretrained(model = String.class) on field 'base': String is not a @Model class, so no"
            + " training saves a network for it. Received: model=String.class. Name a @Model"
            + " class of this build, or annotate String with @Model.", "@Pretrained(");
  }

  @Test
  void basesFormNoCycle() {
    JavaFileObject base = model("DigitsBase", TestSources.replace(BASE,
        "  @Dense(units = 16, activation = RELU) Layer h1;",
        "  @Pretrained(model = HighDigits.class) Layer first;\n"
            + "  @Dense(units = 16, activation = RELU) Layer h1;"));
    Compilation compilation = compile(transfer(), base);
    assertThat(compilation).hadErrorContaining("the bases form a cycle, HighDigits -> DigitsBase"
        + " -> HighDigits, and each base trains before the model built on it.");
    assertThat(compilation).hadErrorContaining("the bases form a cycle, DigitsBase -> HighDigits"
        + " -> DigitsBase");
  }

  @Test
  void upToNamesALayerOfTheBase() {
    assertError(transfer("model = DigitsBase.class", "model = DigitsBase.class, upTo = \"h_2\""),
        "'h_2' is not a layer of DigitsBase, whose layers are h1, h2, output. Did you mean h2?",
        "@Pretrained(", base());
  }

  @Test
  void trainableIsNoMoreThanTheBaseKeeps() {
    assertError(transfer("model = DigitsBase.class", "model = DigitsBase.class, trainable = 3"),
        "the base keeps 2 layers of DigitsBase (h1, h2), fewer than trainable asks for."
            + " Received: trainable=3. Set trainable to 2 or fewer.", "@Pretrained(", base());
    assertError(transfer("model = DigitsBase.class",
            "model = DigitsBase.class, upTo = \"h1\", trainable = 2"),
        "the base keeps 1 layer of DigitsBase (h1)", "@Pretrained(", base());
  }

  @Test
  void trainableCountsTheLayersOfTheNetworkAsItRuns() {
    JavaFileObject features = model("PetFeatures", """
        @Model(name = "pet-features")
        @Dataset(CATS_VS_DOGS)
        @Resizing(height = 96, width = 96)
        @Rescaling(1 / 255.0)
        @Train(epochs = 5, loss = BINARY_CROSSENTROPY)
        public class PetFeatures {
          @Pretrained(catalog = PretrainedModel.MOBILENET_V2) Layer base;
          @GlobalAveragePooling2D Layer pool;
          @Dropout(0.5) Layer drop;
          @Dense(units = 1, activation = SIGMOID) Layer output;
        }
        """);
    String tuned = """
        @Model(name = "pet-tuned")
        @Dataset(CATS_VS_DOGS)
        @Resizing(height = 96, width = 96)
        @Rescaling(1 / 255.0)
        @Train(epochs = 5, loss = BINARY_CROSSENTROPY)
        class PetTuned {
          @Pretrained(model = PetFeatures.class, trainable = 5, fineTuneLearningRate = 1e-5)
          Layer base;
          @Dense(units = 1, activation = SIGMOID) Layer output;
        }
        """;
    // The base of the base is MobileNetV2's 144 layers under the pooling and the dropout.
    assertThat(compile(model("PetTuned", tuned), features)).succeededWithoutWarnings();
    assertRefused(model("PetTuned", tuned.replace("trainable = 5", "trainable = 147")),
        "the base keeps 146 layers of PetFeatures (base (144 layers), pool, drop), fewer than"
            + " trainable asks for. Received: trainable=147. Set trainable to 146 or fewer.",
        "@Pretrained(", features);
    // A flatten reshapes what the next layer takes: no layer of the network trains in it.
    JavaFileObject convnet = model("DigitsBase", """
        @Model(name = "digits")
        @Dataset(MNIST)
        @Rescaling(1 / 255.0)
        @Train(epochs = 1, loss = CATEGORICAL_CROSSENTROPY)
        public class DigitsBase {
          @Conv2D(filters = 4, kernel = 3, activation = RELU) Layer conv;
          @Flatten Layer flatten;
          @Dense(units = 10, activation = SOFTMAX) Layer output;
        }
        """);
    assertRefused(model("HighDigits", """
        @Model(name = "high")
        @Dataset(MNIST)
        @Rescaling(1 / 255.0)
        @Train(epochs = 1, loss = CATEGORICAL_CROSSENTROPY)
        class HighDigits {
          @Pretrained(model = DigitsBase.class, trainable = 2) Layer base;
          @Dense(units = 10, activation = SOFTMAX) Layer output;
        }
        """), "the base keeps 1 layer of DigitsBase (conv, flatten (none: it reshapes)), fewer"
        + " than trainable asks for.", "@Pretrained(", convnet);
    assertRefused(model("Pets", """
        @Model
        @Dataset(CATS_VS_DOGS)
        @Rescaling(1 / 255.0)
        @Train(epochs = 1, loss = BINARY_CROSSENTROPY)
        class Pets {
          @Pretrained(catalog = PretrainedModel.MOBILENET_V2, trainable = 145) Layer base;
          @GlobalAveragePooling2D Layer pool;
          @Dense(units = 1, activation = SIGMOID) Layer output;
        }
        """), "MOBILENET_V2 has 144 layers, fewer than trainable asks for. Received:"
        + " trainable=145. Set trainable to 144 or fewer.", "@Pretrained(");
  }

  @Test
  void aFrozenBaseTakesNoFineTuningRate() {
    assertError(transfer("model = DigitsBase.class",
            "model = DigitsBase.class, fineTuneLearningRate = 1e-5"),
        "the base is frozen (trainable = 0), so no layer of it trains at this rate.",
        "@Pretrained(", base());
  }

  @Test
  void theBaseIsTheFirstLayer() {
    assertError(transfer("  @Pretrained(model = DigitsBase.class)",
            "  @Dense(units = 8, activation = RELU) Layer first;\n"
                + "  @Pretrained(model = DigitsBase.class)"),
        "@Pretrained on field 'base': a pretrained base is the model's first layer, and the layers"
            + " after it are the head trained on what it gives. Move 'base' above 'first'.",
        "@Pretrained(", base());
  }

  @Test
  void theDataFitsTheBasesInput() {
    JavaFileObject imdbBase = model("DigitsBase", imdb(BASE, 100));
    JavaFileObject wider = model("HighDigits", imdb(TRANSFER, 200));
    assertError(wider, "'base' cannot take its input: model 'digits' takes (None, 100), and"
        + " this model's data gives (None, 200)", "@Pretrained(", imdbBase);
    assertThat(compile(model("HighDigits", imdb(TRANSFER, 100)), imdbBase))
        .succeededWithoutWarnings();
  }

  /** The class on IMDB reviews as multi-hot vectors of {@code tokens} words. */
  private static String imdb(String source, int tokens) {
    return TestSources.replace(source,
        source.substring(source.indexOf("@CsvData"), source.indexOf("@Train")),
        "@Dataset(IMDB)\n@TextVectorization(maxTokens = " + tokens + ")\n",
        "@Dense(units = 5, activation = SOFTMAX)", "@Dense(units = 1, activation = SIGMOID)",
        "CATEGORICAL_CROSSENTROPY", "BINARY_CROSSENTROPY");
  }

  @Test
  void aKerasBaseDeclaresItsOutput() {
    assertError(transfer("model = DigitsBase.class", "keras = \"models/base.h5\""),
        "the compiler cannot read a Keras file, so the annotation declares the shape the base"
            + " gives", "@Pretrained(");
    assertError(transfer("model = DigitsBase.class",
            "keras = \"models/base.h5\", outputShape = {4, 4}"),
        "Received: outputShape={4, 4}.", "@Pretrained(");
    assertThat(compile(transfer("model = DigitsBase.class",
        "keras = \"models/base.h5\", outputShape = 8"))).succeededWithoutWarnings();
  }

  @Test
  void aKerasBaseIsAnHdf5File() {
    assertError(transfer("model = DigitsBase.class",
            "keras = \"models/base.keras\", outputShape = 8"),
        "@Pretrained(keras = \"models/base.keras\") on field 'base': a .keras file is Keras 3's"
            + " zip format, which DL4J's Keras import does not read. Received:"
            + " keras=\"models/base.keras\". Save the model in HDF5, model.save(\"base.h5\")"
            + " (Keras 2 or tf_keras), and name that file.", "@Pretrained(");
  }

  @Test
  void theCatalogsNetworksTakeImages() {
    assertError(transfer("model = DigitsBase.class", "catalog = PretrainedModel.MOBILENET_V2"),
        "'base' cannot take its input: MOBILENET_V2 takes RGB images of at least 32x32 pixels,"
            + " (None, height, width, 3), and this model's data gives (None, inputs)",
        "@Pretrained(");
    assertError(transfer("model = DigitsBase.class",
            "catalog = PretrainedModel.MOBILENET_V2, upTo = \"x\""),
        "a catalog network is taken without its top, up to its last feature map.",
        "@Pretrained(");
  }

  @Test
  void aBaseWithErrorsIsNamed() {
    JavaFileObject broken = model("DigitsBase", TestSources.replace(BASE, "units = 16",
        "units = 0"));
    Compilation compilation = compile(transfer(), broken);
    assertThat(compilation).hadErrorContaining("DigitsBase has errors of its own, reported on it,"
        + " so what it gives is not known. Received: model=DigitsBase.class. Fix DigitsBase"
        + " first.");
    assertThat(compilation).hadErrorContaining("units must be positive");
    assertThat(compilation).hadErrorCount(2);
  }
}

package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.model;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.predict.ClassPrediction;
import dev.deepbuild.runtime.predict.ExpectedModel;
import dev.deepbuild.runtime.predict.ModelInput;
import dev.deepbuild.runtime.predict.ModelMismatchException;
import dev.deepbuild.runtime.predict.OutputPredictions;
import dev.deepbuild.runtime.predict.PackagedModel;
import dev.deepbuild.runtime.predict.ValuePrediction;
import dev.deepbuild.runtime.train.ModelTrainer;
import dev.deepbuild.annotations.OutputMode;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The predictor generated next to each model: its source by kind of data and task, a functional
 * model's by its named inputs and outputs,
 * and, compiled and run as an application would run it, its predictions with a model the runtime
 * trained from the generated definition.
 */
class GeneratedPredictorTest {
  @TempDir Path base;

  private static String predictor(Compilation compilation, String qualifiedName)
      throws IOException {
    assertThat(compilation).succeededWithoutWarnings();
    return compilation.generatedSourceFile(qualifiedName).orElseThrow().getCharContent(true)
        .toString();
  }

  @Test
  void aTextClassifierPredictsFromStrings() throws IOException {
    String source = predictor(compile(TestSources.imdb()),
        "dev.deepbuild.samples.imdb.ImdbClassifierPredictor");
    assertThat(source).contains("""
        @Generated(
            value = "dev.deepbuild.processor.DeepBuildProcessor",
            comments = "from dev.deepbuild.samples.imdb.ImdbClassifier"
        )
        public final class ImdbClassifierPredictor {
        """);
    assertThat(source).contains("""
          private static final ExpectedModel MODEL = ExpectedModel.named("imdb")
              .classification(2)
              .text(OutputMode.MULTI_HOT, 10000, 0);
        """);
    assertThat(source).contains("""
          public static ImdbClassifierPredictor packaged() {
            return Packaged.INSTANCE;
          }
        """);
    assertThat(source).contains("""
          public static ImdbClassifierPredictor load(Path file) {
            return new ImdbClassifierPredictor(PackagedModel.load(MODEL, file));
          }
        """);
    assertThat(source).contains("""
          public ClassPrediction predict(String text) {
            return model.classify(ModelInput.text(text));
          }
        """);
    assertThat(source).contains("""
          public List<ClassPrediction> predictAll(List<String> texts) {
            return model.classify(texts.stream().map(ModelInput::text).toList());
          }
        """);
    assertThat(source).contains("""
          private static final class Packaged {
            static final ImdbClassifierPredictor INSTANCE = new ImdbClassifierPredictor(
                PackagedModel.load(MODEL, ImdbClassifierPredictor.class.getClassLoader()));
          }
        """);
    assertThat(source).doesNotContain("BufferedImage");
    assertTrue(source.lines().allMatch(line -> line.length() <= 100), source);
  }

  @Test
  void aTableClassifierPredictsFromValuesInOrderOrByColumnName() throws IOException {
    String source = predictor(compile(TestSources.iris()), "com.example.IrisClassifierPredictor");
    assertThat(source).contains("""
          private static final ExpectedModel MODEL = ExpectedModel.named("iris")
              .classification(3)
              // as many feature values as the table has columns but the label
              .table();
        """);
    assertThat(source).contains("""
          public ClassPrediction predict(double... features) {
            return model.classify(ModelInput.features(features));
          }
        """);
    assertThat(source).contains("""
          public ClassPrediction predict(Map<String, Double> columns) {
            return model.classify(ModelInput.columns(columns));
          }
        """);
    assertThat(source).contains("""
          public List<ClassPrediction> predictAll(List<double[]> rows) {
        """);
  }

  @Test
  void aRegressorPredictsValuesAndABuiltinTableStatesItsWidth() throws IOException {
    String source = predictor(compile(TestSources.boston()),
        "dev.deepbuild.samples.boston.BostonHousingPredictor");
    assertThat(source).contains("""
          private static final ExpectedModel MODEL = ExpectedModel.named("boston")
              .regression()
              .table(13);
        """);
    assertThat(source).contains("""
          public ValuePrediction predict(double... features) {
            return model.regress(ModelInput.features(features));
          }
        """);
  }

  @Test
  void anImageClassifierPredictsFromImagesOfTheNetworksSize() throws IOException {
    String mnist = predictor(compile(TestSources.mnistConvnet()),
        "com.example.MnistConvnetPredictor");
    assertThat(mnist).contains("""
              .classification(10)
              .image(28, 28, 1);
        """);
    assertThat(mnist).contains("""
          public ClassPrediction predict(BufferedImage image) {
            return model.classify(ModelInput.image(image));
          }
        """);
    // The network takes the resized images, which the saved schema states.
    String resized = predictor(compile(model("Pets", """
        @Model
        @ImageData(directory = "pets", height = 64, width = 48)
        @Resizing(height = 32, width = 24)
        @Train(epochs = 5, loss = BINARY_CROSSENTROPY)
        class Pets {
          @Flatten Layer flatten;
          @Dense(units = 1, activation = SIGMOID) Layer output;
        }
        """)), "com.example.PetsPredictor");
    assertThat(resized).contains("""
              // 0: the classes are those found in the data
              .classification(0)
              .image(32, 24, 3);
        """);
  }

  @Test
  void aFunctionalImageModelPredictsFromABufferedImagePerImageInput() throws IOException {
    String source = predictor(compile(TestSources.digitsGraph(
        "@Rescaling(1 / 255.0)", "@Rescaling(1 / 255.0)\n@Resizing(height = 32, width = 32)")),
        "com.example.DigitsGraphPredictor");
    assertThat(source).contains("""
              .imageInput("digits", 32, 32, 1)
              // the outputs, in the network's order
              .classificationOutput("digit", 10);
        """);
    assertThat(source).contains("public Prediction predict(BufferedImage digits) {");
    assertThat(source).contains("\"digits\", ModelInput.image(input.digits())");
    assertThat(source).contains("import java.awt.image.BufferedImage;");
  }

  @Test
  void aFunctionalModelPredictsFromOneParameterPerInputEachOutputByName() throws IOException {
    String source = predictor(compile(TestSources.tickets()), "com.example.TicketsPredictor");
    assertThat(source).contains("""
          private static final ExpectedModel MODEL = ExpectedModel.named("tickets")
              // the inputs, in the network's order, each prepared as training prepared it
              .textInput("title", OutputMode.MULTI_HOT, 2000, 0)
              .textInput("body", OutputMode.MULTI_HOT, 10000, 0)
              // the outputs, in the network's order
              .classificationOutput("topic", 46)
              .classificationOutput("usa", 2);
        """);
    assertThat(source).contains("""
          public static TicketsPredictor load(Path file) {
            return new TicketsPredictor(PackagedModel.load(MODEL, file));
          }
        """);
    assertThat(source).contains("""
           * @param title a text of the field "title", vectorized with its own vocabulary
           * @param body a text of the field "body", vectorized with its own vocabulary
           */
          public Prediction predict(String title, String body) {
            return predictAll(List.of(new Input(title, body))).get(0);
          }
        """);
    assertThat(source).contains("""
          public List<Prediction> predictAll(List<Input> inputs) {
            List<OutputPredictions> outputs = model.predictNamed(
                inputs.stream().map(TicketsPredictor::named).toList());
            return outputs.stream().map(TicketsPredictor::prediction).toList();
          }
        """);
    assertThat(source).contains("""
          private static Map<String, ModelInput> named(Input input) {
            return Map.of(
                "title", ModelInput.text(input.title()),
                "body", ModelInput.text(input.body()));
          }
        """);
    assertThat(source).contains("""
          private static Prediction prediction(OutputPredictions outputs) {
            return new Prediction(
                outputs.classified("topic"),
                outputs.classified("usa"));
          }
        """);
    assertThat(source).contains("""
          public static final class Prediction {
            private final ClassPrediction topic;

            private final ClassPrediction usa;
        """);
    assertThat(source).contains("""
            public ClassPrediction topic() {
              return topic;
            }
        """);
    assertThat(source).contains("""
            @Override
            public boolean equals(Object other) {
              return other instanceof Prediction that
                  && Objects.equals(this.topic, that.topic)
                  && Objects.equals(this.usa, that.usa);
            }
        """);
    assertThat(source).contains("""
            public String toString() {
              return "Input[title=" + this.title + ", body=" + this.body + "]";
            }
        """);
    assertThat(source).contains("""
          private static final class Packaged {
            static final TicketsPredictor INSTANCE = new TicketsPredictor(
                PackagedModel.load(MODEL, TicketsPredictor.class.getClassLoader()));
          }
        """);
    assertThat(source).contains("""
         * var prediction = TicketsPredictor.packaged().predict(title, body);
         * prediction.topic().label()
        """);
    assertTrue(source.lines().allMatch(line -> line.length() <= 100), source);
  }

  /** Components named as the generated equals names its parameter and pattern still compile. */
  @Test
  void inputsNamedOtherAndThatCompile() throws IOException {
    String source = predictor(compile(TestSources.tickets("Layer title;", "Layer other;",
        "Layer body;", "Layer that;",
        "from = {\"title\", \"body\"}", "from = {\"other\", \"that\"}")),
        "com.example.TicketsPredictor");
    assertThat(source).contains("public Prediction predict(String other, String that) {");
  }

  @Test
  void aFunctionalTableModelPredictsFromArraysAClassAndAValue() throws IOException {
    String source = predictor(compile(flowers("flowers.csv")), "com.example.FlowersPredictor");
    assertThat(source).contains("""
          private static final ExpectedModel MODEL = ExpectedModel.named("flowers")
              // the inputs, in the network's order, each prepared as training prepared it
              .tableInput("shape", 2)
              .tableInput("scale", 1)
              // the outputs, in the network's order
              // 0: the classes are those found in the data
              .classificationOutput("species", 0)
              .regressionOutput("size");
        """);
    assertThat(source).contains("""
           * @param shape the values of the columns petal_length, petal_width, in this order
           * @param scale the values of the columns stem, in this order
           */
          public Prediction predict(double[] shape, double[] scale) {
        """);
    assertThat(source).contains("""
                "shape", ModelInput.features(input.shape()),
                "scale", ModelInput.features(input.scale()));
        """);
    assertThat(source).contains("""
                outputs.classified("species"),
                outputs.regressed("size"));
        """);
    assertThat(source).contains("""
            public ValuePrediction size() {
        """);
    assertThat(source).contains("""
                  && Arrays.equals(this.shape, that.shape)
        """);
    assertThat(source).contains("""
              return Objects.hash(Arrays.hashCode(this.shape), Arrays.hashCode(this.scale));
        """);
    assertTrue(source.lines().allMatch(line -> line.length() <= 100), source);
  }

  /**
   * The generated functional predictor, compiled, loads the model the runtime trained from the
   * generated definition and predicts, for one row and for a batch, what the runtime's own
   * {@link PackagedModel} predicts from the named inputs; a file of another class count is
   * refused.
   */
  @Test
  void theGeneratedFunctionalPredictorPredictsWithTheTrainedModel() throws Exception {
    Path csv = base.resolve("measured.csv");
    writeMeasuredFlowers(csv);
    ClassLoader loader = GeneratedModelTest.classLoader(compile(flowers(
        csv.toString().replace("\\", "/"))));
    Path file = train(loader, "com.example.DeepBuild_Flowers", "flowers");

    Class<?> type = loader.loadClass("com.example.FlowersPredictor");
    Object predictor = type.getMethod("load", Path.class).invoke(null, file);
    double[] shape = {3.1, -2.0};
    double[] scale = {640};
    Object predicted = type.getMethod("predict", double[].class, double[].class)
        .invoke(predictor, shape, scale);
    Class<?> prediction = loader.loadClass("com.example.FlowersPredictor$Prediction");
    ClassPrediction species = (ClassPrediction) prediction.getMethod("species").invoke(predicted);
    ValuePrediction size = (ValuePrediction) prediction.getMethod("size").invoke(predicted);

    PackagedModel runtime = PackagedModel.load(ExpectedModel.named("flowers"), file);
    OutputPredictions expected = runtime.predictNamed(List.of(Map.of(
        "shape", ModelInput.features(shape), "scale", ModelInput.features(scale)))).get(0);
    assertEquals(expected.classified("species"), species);
    assertEquals(expected.regressed("size"), size);
    assertEquals(List.of("setosa", "versicolor", "virginica"), species.classes());
    Class<?> input = loader.loadClass("com.example.FlowersPredictor$Input");
    Object row = input.getConstructor(double[].class, double[].class).newInstance(shape, scale);
    List<?> all = (List<?>) type.getMethod("predictAll", List.class)
        .invoke(predictor, List.of(row, row));
    assertEquals(2, all.size());
    assertEquals(species.label(), ((ClassPrediction) prediction.getMethod("species")
        .invoke(all.get(1))).label());
    assertTrue(predicted.toString().startsWith("Prediction[species=ClassPrediction["),
        predicted.toString());

    // The class with its input renamed: its expected model refuses the file trained before.
    ClassLoader renamed = GeneratedModelTest.classLoader(compile(TestSources.model("Flowers",
        FLOWERS.formatted(csv.toString().replace("\\", "/"))
            .replace("Layer shape;", "Layer form;").replace("from = \"shape\"", "from = \"form\""))));
    InvocationTargetException refused = assertThrows(InvocationTargetException.class,
        () -> renamed.loadClass("com.example.FlowersPredictor").getMethod("load", Path.class)
            .invoke(null, file));
    assertTrue(refused.getCause() instanceof ModelMismatchException, String.valueOf(refused));
    assertTrue(refused.getCause().getMessage().contains("has the inputs [shape, scale], but the"
        + " code expects [form, scale], in this order."), refused.getCause().getMessage());
  }

  private static final String FLOWERS = """
      @Model(name = "flowers", seed = 7)
      @CsvData(file = "%s", header = true)
      @Standardize
      @Train(epochs = 10, batchSize = 16, optimizer = @Optimizer(value = ADAM, learningRate = 0.02),
          loss = CATEGORICAL_CROSSENTROPY)
      public class Flowers {
        @Input(columns = {"petal_length", "petal_width"}) Layer shape;
        @Input(columns = "stem") Layer scale;
        @Dense(units = 8, activation = RELU, from = "shape") Layer fromShape;
        @Dense(units = 8, activation = RELU, from = "scale") Layer fromScale;
        @Concatenate(from = {"fromShape", "fromScale"}) Layer merged;
        @Dense(units = 3, activation = SOFTMAX) @Output Layer species;
        @Dense(units = 1, from = "merged") @Output(loss = MEAN_SQUARED_ERROR, weight = 0.5) Layer size;
      }
      """;

  private static JavaFileObject flowers(String file) {
    return TestSources.model("Flowers", FLOWERS.formatted(file));
  }

  /**
   * What the sample project's {@code PredictExample} does, on a small model: the generated Iris
   * predictor, compiled, loads the model the runtime trained from the generated definition and
   * predicts what the runtime's own {@link PackagedModel} predicts, by values and by column name.
   */
  @Test
  void theGeneratedTablePredictorPredictsWithTheTrainedModel() throws Exception {
    Path csv = base.resolve("flowers.csv");
    writeFlowers(csv);
    Compilation compilation = compile(TestSources.iris("resource = \"iris.dat\"",
        "file = \"" + csv.toString().replace("\\", "/") + "\", header = true", "epochs = 60",
        "epochs = 5"));
    ClassLoader loader = GeneratedModelTest.classLoader(compilation);
    Path file = train(loader, "com.example.DeepBuild_IrisClassifier", "iris");

    Class<?> type = loader.loadClass("com.example.IrisClassifierPredictor");
    Object predictor = type.getMethod("load", Path.class).invoke(null, file);
    double[] flower = {5.9, 3.0, 5.1, 1.8};
    ClassPrediction predicted = (ClassPrediction) type.getMethod("predict", double[].class)
        .invoke(predictor, (Object) flower);
    PackagedModel runtime = PackagedModel.load(ExpectedModel.named("iris").classification(3)
        .table(4), file);
    assertEquals(runtime.classify(ModelInput.features(flower)), predicted);
    assertEquals(List.of("0", "1", "2"), predicted.classes());
    ClassPrediction byName = (ClassPrediction) type.getMethod("predict", Map.class).invoke(
        predictor, Map.of("sepal_length", 5.9, "sepal_width", 3.0, "petal_length", 5.1,
            "petal_width", 1.8));
    assertEquals(predicted, byName);

    // Nothing is packaged on this class path: the holder's first use names the location.
    InvocationTargetException notPackaged = assertThrows(InvocationTargetException.class,
        () -> type.getMethod("packaged").invoke(null));
    Throwable cause = notPackaged.getCause().getCause();
    assertTrue(cause instanceof ModelMismatchException, String.valueOf(cause));
    assertTrue(cause.getMessage().startsWith("iris: there is no"
        + " META-INF/deepbuild/iris/model.zip on the class path"), cause.getMessage());
  }

  /** The IMDB predictor's equivalent on a small text classifier of the user's own reviews. */
  @Test
  void theGeneratedTextPredictorPredictsWithTheTrainedModel() throws Exception {
    writeReviews(base.resolve("reviews"));
    System.setProperty("deepbuild.prepared.cache", base.resolve("cache").toString());
    try {
      JavaFileObject reviews = model("Reviews", """
          @Model(name = "reviews", seed = 3)
          @TextData(folder = "%s", split = @Split(test = 0.25))
          @TextVectorization(maxTokens = 20)
          @Train(epochs = 5, batchSize = 16, loss = BINARY_CROSSENTROPY)
          class Reviews {
            @Dense(units = 8, activation = RELU) Layer hidden;
            @Dense(units = 1, activation = SIGMOID) Layer positive;
          }
          """.formatted(base.resolve("reviews").toString().replace("\\", "/")));
      ClassLoader loader = GeneratedModelTest.classLoader(compile(reviews));
      Path file = train(loader, "com.example.DeepBuild_Reviews", "reviews");
      Class<?> type = loader.loadClass("com.example.ReviewsPredictor");
      Object predictor = type.getMethod("load", Path.class).invoke(null, file);
      String text = "A wonderful, superb film. <br />Great!";
      ClassPrediction predicted = (ClassPrediction) type.getMethod("predict", String.class)
          .invoke(predictor, text);
      PackagedModel runtime = PackagedModel.load(ExpectedModel.named("reviews")
          .classification(0).text(OutputMode.MULTI_HOT, 20, 0), file);
      assertEquals(runtime.classify(ModelInput.text(text)), predicted);
      assertEquals(List.of("negative", "positive"), predicted.classes());
      assertEquals(1 - predicted.probabilities()[1], predicted.probabilities()[0]);
      @SuppressWarnings("unchecked")
      List<ClassPrediction> all = (List<ClassPrediction>) type.getMethod("predictAll", List.class)
          .invoke(predictor, List.of(text, "dull, boring and awful"));
      assertEquals(predicted.label(), all.get(0).label());
    } finally {
      System.clearProperty("deepbuild.prepared.cache");
    }
  }

  private Path train(ClassLoader loader, String definition, String model) throws Exception {
    ModelDefinition generated = (ModelDefinition) loader.loadClass(definition)
        .getDeclaredConstructor().newInstance();
    new ModelTrainer(base, base.resolve("target/deepbuild"), loader, line -> {}).train(generated);
    return base.resolve("target/deepbuild").resolve(model).resolve("model.zip");
  }

  /** Three species by their petals, a size by their stem, and a column of noise. */
  private static void writeMeasuredFlowers(Path file) throws IOException {
    String[] names = {"setosa", "versicolor", "virginica"};
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder("petal_length,petal_width,noise,stem,species,size\n");
    for (int r = 0; r < 150; r++) {
      int species = r % 3;
      double stem = 100 + 1000 * random.nextDouble();
      csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%.4f,%s,%.4f%n",
          3 * species + random.nextGaussian() * 0.5, -2 * species + random.nextGaussian() * 0.5,
          random.nextGaussian(), stem, names[species], stem / 100 + random.nextGaussian() * 0.2));
    }
    Files.writeString(file, csv);
  }

  /** Three species of four measurements, the label's index last, with a header row. */
  private static void writeFlowers(Path file) throws IOException {
    Random random = new Random(3);
    StringBuilder csv = new StringBuilder("sepal_length,sepal_width,petal_length,petal_width,"
        + "species\n");
    double[][] centers = {{5.0, 3.4, 1.5, 0.2}, {5.9, 2.8, 4.3, 1.3}, {6.6, 3.0, 5.6, 2.0}};
    for (int i = 0; i < 30; i++) {
      for (int k = 0; k < 3; k++) {
        for (double center : centers[k]) {
          csv.append(String.format(Locale.ROOT, "%.2f,", center + 0.2 * random.nextGaussian()));
        }
        csv.append(k).append('\n');
      }
    }
    Files.writeString(file, csv);
  }

  private static void writeReviews(Path root) throws IOException {
    List<String> good = List.of("great", "wonderful", "superb", "moving");
    List<String> bad = List.of("awful", "boring", "dull", "poor");
    List<String> filler = List.of("the", "a", "film", "plot");
    Random random = new Random(5);
    for (String polarity : List.of("negative", "positive")) {
      Path folder = Files.createDirectories(root.resolve(polarity));
      for (int i = 0; i < 24; i++) {
        StringBuilder text = new StringBuilder();
        for (int w = 0; w < 8; w++) {
          List<String> pool = random.nextInt(2) == 0
              ? (polarity.equals("positive") ? good : bad) : filler;
          text.append(pool.get(random.nextInt(pool.size()))).append(' ');
        }
        Files.writeString(folder.resolve(i + ".txt"), text);
      }
    }
  }
}

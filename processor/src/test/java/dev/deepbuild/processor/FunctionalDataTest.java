package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.generatedSources;
import static dev.deepbuild.processor.TestSources.model;
import static dev.deepbuild.processor.TestSources.replace;
import static dev.deepbuild.processor.TestSources.source;
import static dev.deepbuild.processor.TestSources.tickets;

import com.google.testing.compile.Compilation;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.data.CsvSource;
import dev.deepbuild.runtime.data.ProvidedSource;
import dev.deepbuild.runtime.data.TextSource;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.model.Vectorization;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.train.ModelTrainer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import javax.tools.JavaFileObject;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.lossfunctions.impl.LossMSE;

/**
 * Functional models of a table's columns, of the user's text file and of a provider's arrays: the
 * generated definition compiles to the spec and graph a person would write, and each mistake is
 * one error on the value at fault, with the fix, and nothing generated.
 */
class FunctionalDataTest {

  private static final String FLOWERS = """
      @Model(name = "flowers")
      @CsvData(file = "flowers.csv", header = true)
      @Standardize
      @Train(epochs = 5, batchSize = 16, optimizer = @Optimizer(value = ADAM, learningRate = 0.01),
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

  private static final String PROVIDER = """
      package com.example;

      import dev.deepbuild.runtime.data.MultiDataProvider;
      import org.nd4j.linalg.dataset.api.MultiDataSet;

      public class Readings implements MultiDataProvider {
        @Override
        public MultiDataSet samples() {
          return null;
        }
      }
      """;

  private static final String SENSORS = """
      @Model(name = "sensors")
      @ProvidedData(value = Readings.class, split = @Split(test = 0.25, validation = 0.25))
      @Train(epochs = 5, batchSize = 16, loss = MEAN_SQUARED_ERROR)
      public class Sensors {
        @Input(width = 4) Layer measures;
        @Dense(units = 8, activation = RELU) Layer hidden;
        @Dense(units = 1) @Output Layer level;
      }
      """;

  private static final String TICKETS = """
      @Model(name = "own-tickets")
      @TextData(file = "tickets.csv")
      @Train(epochs = 5, batchSize = 16, loss = CATEGORICAL_CROSSENTROPY)
      public class OwnTickets {
        @Input @TextVectorization(maxTokens = 200) Layer title;
        @Input(field = "text") @TextVectorization(maxTokens = 400) Layer body;
        @Concatenate(from = {"title", "body"}) Layer words;
        @Dense(units = 3, activation = SOFTMAX) @Output Layer team;
        @Dense(units = 1, activation = SIGMOID, from = "words")
        @Output(field = "urgent", loss = BINARY_CROSSENTROPY) Layer urgency;
      }
      """;

  private static JavaFileObject flowers(String... replacements) {
    return model("Flowers", replace(FLOWERS, replacements));
  }

  private static JavaFileObject sensors(String... replacements) {
    return model("Sensors", replace(SENSORS, replacements));
  }

  private static JavaFileObject provider(String... replacements) {
    return source("com.example.Readings", replace(PROVIDER, replacements));
  }

  // ----- generated code -----

  @Test
  void aTableModelsSpecNamesEachInputsColumnsAndEachOutputsColumn() throws Exception {
    Compilation compilation = compile(flowers());
    assertThat(compilation).succeededWithoutWarnings();

    ModelSpec spec = GeneratedModelTest.load(compilation, "com.example.DeepBuild_Flowers").spec();

    assertThat(spec.data()).isEqualTo(CsvSource.file("flowers.csv").withHeader());
    assertThat(spec.inputs()).containsExactly(
        InputSpec.named("shape").columns("petal_length", "petal_width"),
        InputSpec.named("scale").columns("stem")).inOrder();
    assertThat(spec.outputs()).containsExactly(
        OutputSpec.named("species").classification(0),
        OutputSpec.named("size").regression()).inOrder();
    assertThat(spec.standardize()).isTrue();
    assertThat(spec.task()).isEqualTo(Task.CLASSIFICATION);
    String generated = compilation.generatedSourceFile("com.example.DeepBuild_Flowers")
        .orElseThrow().getCharContent(true).toString();
    assertThat(generated).contains(
        ".input(InputSpec.named(\"shape\").columns(\"petal_length\", \"petal_width\"))");
    assertThat(generated).contains("// shape is (None, 2): the table's columns petal_length,"
        + " petal_width");
  }

  @Test
  void aTableModelsGraphDeclaresEachInputsWidthAsItsColumnCount() throws Exception {
    ComputationGraphConfiguration handWritten = new NeuralNetConfiguration.Builder()
        .seed(42L)
        .weightInit(WeightInit.XAVIER_UNIFORM)
        .updater(new Adam(0.01, 0.9, 0.999, 1e-7))
        .graphBuilder()
        .addInputs("shape", "scale")
        .setInputTypes(InputType.feedForward(2), InputType.feedForward(1))
        .addLayer("fromShape", new DenseLayer.Builder().nOut(8).activation(Activation.RELU)
            .build(), "shape")
        .addLayer("fromScale", new DenseLayer.Builder().nOut(8).activation(Activation.RELU)
            .build(), "scale")
        .addVertex("merged", new MergeVertex(), "fromShape", "fromScale")
        .addLayer("species", new OutputLayer.Builder(LossFunctions.LossFunction.MCXENT)
            .nOut(3).activation(Activation.SOFTMAX).build(), "merged")
        .addLayer("size", new OutputLayer.Builder(
            dev.deepbuild.runtime.network.WeightedLoss.of(new LossMSE(), 0.5))
            .nOut(1).activation(Activation.IDENTITY).build(), "merged")
        .setOutputs("species", "size")
        .build();

    NetworkConfiguration generated =
        GeneratedModelTest.load(compile(flowers()), "com.example.DeepBuild_Flowers").network(0);

    assertThat(generated.toJson()).isEqualTo(handWritten.toJson());
  }

  @Test
  void aProvidedModelsSpecNamesTheProviderClassAndItsSplit() throws Exception {
    Compilation compilation = compile(sensors(), provider());
    assertThat(compilation).succeededWithoutWarnings();

    ModelSpec spec = GeneratedModelTest.load(compilation, "com.example.DeepBuild_Sensors").spec();

    assertThat(((ProvidedSource) spec.data()).provider().getName())
        .isEqualTo("com.example.Readings");
    assertThat(spec.testFraction()).isEqualTo(0.25);
    assertThat(spec.validationFraction()).isEqualTo(0.25);
    assertThat(spec.inputs()).containsExactly(InputSpec.named("measures"));
    assertThat(spec.outputs()).containsExactly(OutputSpec.named("level").regression());
    NetworkConfiguration network =
        GeneratedModelTest.load(compilation, "com.example.DeepBuild_Sensors").network(0);
    assertThat(network.toJson()).contains("\"nin\" : 4");
  }

  @Test
  void anOwnTextFilesModelReadsEachInputsFieldAndEachOutputsField() throws Exception {
    Compilation compilation = compile(model("OwnTickets", TICKETS));
    assertThat(compilation).succeededWithoutWarnings();

    ModelSpec spec =
        GeneratedModelTest.load(compilation, "com.example.DeepBuild_OwnTickets").spec();

    assertThat(spec.data()).isEqualTo(TextSource.file("tickets.csv"));
    assertThat(spec.inputs()).containsExactly(
        InputSpec.named("title").vectorize(Vectorization.multiHot(200)),
        InputSpec.named("body").field("text").vectorize(Vectorization.multiHot(400))).inOrder();
    assertThat(spec.outputs()).containsExactly(
        OutputSpec.named("team").classification(0),
        OutputSpec.named("urgency").field("urgent").classification(0)).inOrder();
  }

  @Test
  void theGeneratedTableModelTrainsEndToEnd(@TempDir Path base) throws Exception {
    StringBuilder csv = new StringBuilder("petal_length,petal_width,stem,species,size\n");
    Random random = new Random(1);
    for (int r = 0; r < 150; r++) {
      double stem = 100 + 1000 * random.nextDouble();
      csv.append(String.format(Locale.ROOT, "%.4f,%.4f,%.4f,%s,%.4f%n",
          3 * (r % 3) + random.nextGaussian() * 0.3, random.nextGaussian(), stem,
          List.of("setosa", "versicolor", "virginica").get(r % 3), stem / 100));
    }
    Files.writeString(base.resolve("flowers.csv"), csv);
    ModelDefinition model = GeneratedModelTest.load(compile(flowers("epochs = 5", "epochs = 30")),
        "com.example.DeepBuild_Flowers");

    ModelReport report = new ModelTrainer(base, base.resolve("out"),
        getClass().getClassLoader(), line -> {}).train(model);

    assertThat(report.outputs().keySet()).containsExactly("species", "size").inOrder();
    assertThat(report.metric("species", DataSplit.TEST, Metric.ACCURACY).orElseThrow())
        .isGreaterThan(0.8);
    assertThat(report.metric("size", DataSplit.TEST, Metric.MAE).isPresent()).isTrue();
  }

  // ----- compile-time errors -----

  @Test
  void columnsForADatasetsInputAreAnError() throws IOException {
    JavaFileObject source = tickets("@Input(field = \"title\")",
        "@Input(field = \"title\", columns = {\"a\", \"b\"})");

    assertOneError(source, "@Input(columns = {\"a\", \"b\"}) on field 'title': columns and width"
        + " are for tables and provided arrays, and REUTERS's inputs read its text fields."
        + " Received: columns={\"a\", \"b\"}. Remove columns.", "columns = {\"a\", \"b\"}");
  }

  @Test
  void anEmptyColumnGroupIsAnError() throws IOException {
    JavaFileObject source = flowers("@Input(columns = \"stem\")", "@Input(columns = {})");

    assertOneError(source, "@Input(columns = {}) on field 'scale': the input 'scale' reads a group"
        + " of the table's numeric columns, and columns names none. Received: columns={}. Name"
        + " them by header, such as `@Input(columns = {\"sepal_length\", \"sepal_width\"}) Layer"
        + " scale;`.", "Layer scale;");
  }

  @Test
  void aColumnInTwoInputsIsAnErrorOnTheSecond() throws IOException {
    JavaFileObject source = flowers("@Input(columns = \"stem\")",
        "@Input(columns = {\"stem\", \"petal_width\"})");

    assertOneError(source, "@Input(columns = {\"stem\", \"petal_width\"}) on field 'scale': the"
        + " column 'petal_width' is read by the input 'shape' already, and each column is one"
        + " input's. Received: columns={\"stem\", \"petal_width\"}. Remove it from one of them, or"
        + " merge the inputs' layers with @Concatenate.", "Layer scale;");
  }

  @Test
  void anInputReadingAnOutputsColumnIsAnErrorOnTheOutput() throws IOException {
    JavaFileObject source = flowers("@Input(columns = \"stem\")",
        "@Input(columns = {\"stem\", \"size\"})");

    assertOneError(source, "@Output(field = \"\") on field 'size': the column 'size' is what this"
        + " output predicts, and the input 'scale' reads it, so the model would be given the"
        + " answer. Received: field=\"\". Remove 'size' from the columns of 'scale', or predict"
        + " another column.", "Layer size;");
  }

  @Test
  void aRegressionOutputOfMoreThanOneUnitIsAnError() throws IOException {
    JavaFileObject source = flowers("@Dense(units = 1, from = \"merged\")",
        "@Dense(units = 2, from = \"merged\")");

    assertOneError(source, "@Dense(units = 2) on field 'size': MEAN_SQUARED_ERROR makes a"
        + " regression model, which predicts the one label column, so it needs 1 output unit."
        + " Received: units=2. Set units = 1.", "Layer size;");
  }

  @Test
  void namedColumnsWithoutAHeaderRowAreAnError() throws IOException {
    JavaFileObject source = flowers("header = true", "header = false");

    assertOneError(source, "@CsvData(header = false) on class 'Flowers': a functional model's"
        + " @Inputs and @Outputs name their columns in the header row, and @CsvData reads the"
        + " first row as a sample (header = false). Received: header=false. Set header = true,"
        + " with a first row naming the columns.", "@CsvData");
  }

  @Test
  void aLabelColumnOfTheTableIsAnErrorSinceOutputsNameTheirs() throws IOException {
    JavaFileObject source = flowers("header = true", "header = true, labelColumn = \"species\"");

    assertOneError(source, "@CsvData(labelColumn = \"species\") on class 'Flowers': a functional"
        + " model's @Outputs name the columns they predict, so @CsvData names no label column."
        + " Received: labelColumn=\"species\". Remove labelColumn, and name the column on its"
        + " output, such as @Output(field = \"species\").", "@CsvData");
  }

  @Test
  void aVectorizationOfAColumnGroupIsAnError() throws IOException {
    JavaFileObject source = flowers("@Input(columns = \"stem\") Layer scale;",
        "@Input(columns = \"stem\") @TextVectorization Layer scale;");

    assertOneError(source, "@TextVectorization on field 'scale': @TextVectorization turns texts"
        + " into numbers, and a table's columns are numbers already. Remove @TextVectorization.",
        "Layer scale;");
  }

  @Test
  void aTextFileModelTakesNoColumnsAndNoFolder() throws IOException {
    JavaFileObject columns = model("OwnTickets", replace(TICKETS, "@Input(field = \"text\")",
        "@Input(field = \"text\", columns = \"body\")"));
    assertOneError(columns, "@Input(columns = \"body\") on field 'body': columns and width are for"
        + " tables and provided arrays, and @TextData's inputs read its text fields, named by"
        + " field. Received: columns=\"body\". Remove columns.", "Layer body;");

    JavaFileObject folder = model("OwnTickets", replace(TICKETS, "@TextData(file = \"tickets.csv\")",
        "@TextData(folder = \"tickets\")"));
    assertOneError(folder, "@TextData(folder = \"tickets\") on class 'OwnTickets': a functional"
        + " model's @Inputs and @Outputs read named fields of a file, and a folder of class"
        + " folders has none. Received: folder=\"tickets\". Set file to a .csv or .json file"
        + " with the fields they name, such as @TextData(file = \"tickets.csv\").", "@TextData");
  }

  @Test
  void aTableInputNamingAFieldIsAnError() throws IOException {
    JavaFileObject source = flowers("@Input(columns = \"stem\")",
        "@Input(field = \"stem\", columns = \"stem\")");

    assertOneError(source, "@Input(field = \"stem\") on field 'scale': a table's inputs read"
        + " groups of its columns, named by columns. Received: field=\"stem\". Remove field.",
        "Layer scale;");
  }

  @Test
  void aTextFilesOutputWithARegressionLossIsAnError() throws IOException {
    JavaFileObject source = model("OwnTickets", replace(TICKETS,
        "@Output(field = \"urgent\", loss = BINARY_CROSSENTROPY)",
        "@Output(field = \"urgent\", loss = MEAN_SQUARED_ERROR)"));

    assertOneError(source, "@Output(loss = MEAN_SQUARED_ERROR) on field 'urgency': @TextData"
        + " labels each text with classes, so 'urgent' holds classes, but MEAN_SQUARED_ERROR makes"
        + " a regressor. Received: loss=MEAN_SQUARED_ERROR. Set loss = CATEGORICAL_CROSSENTROPY,"
        + " or BINARY_CROSSENTROPY for two classes, on this @Output.", "@Output(field");
  }

  @Test
  void standardizingTextInputsIsAnError() throws IOException {
    JavaFileObject source = model("OwnTickets", replace(TICKETS,
        "@TextData(file = \"tickets.csv\")", "@TextData(file = \"tickets.csv\")\n@Standardize"));

    assertOneError(source, "@Standardize on class 'OwnTickets': @Standardize scales numeric"
        + " inputs, each with its own training statistics, and this functional model's inputs are"
        + " texts. Remove @Standardize, or read numbers with @CsvData or @ProvidedData.",
        "@Standardize");
  }

  @Test
  void aProvidedInputWithoutItsWidthIsAnError() throws IOException {
    JavaFileObject source = sensors("@Input(width = 4)", "@Input");

    assertOneError(source, "@Input(width = 0) on field 'measures': the input 'measures' is one of"
        + " the provider's features arrays, whose width the network declares, and width is 0."
        + " Received: width=0. Set width to its number of features, such as `@Input(width = 4)"
        + " Layer measures;`.", new JavaFileObject[] {provider()}, "Layer measures;");
  }

  @Test
  void aProviderThatIsNoMultiDataProviderIsAnError() throws IOException {
    JavaFileObject source = sensors();
    JavaFileObject provider = provider(" implements MultiDataProvider", "",
        "  @Override\n", "");

    assertOneError(source, "@ProvidedData(Readings.class) on class 'Sensors':"
        + " com.example.Readings does not implement dev.deepbuild.runtime.data.MultiDataProvider,"
        + " whose samples() DeepBuild calls. Received: Readings.class. Declare"
        + " it `public class Readings implements MultiDataProvider`, returning a features array"
        + " per @Input and a labels array per @Output.", new JavaFileObject[] {provider},
        "@ProvidedData");
  }

  @Test
  void aProviderWithoutAPublicNoArgumentConstructorIsAnError() throws IOException {
    JavaFileObject source = sensors();
    JavaFileObject provider = provider("public class Readings implements MultiDataProvider {",
        "public class Readings implements MultiDataProvider {\n  public Readings(int seed) {}\n");

    assertOneError(source, "Readings has no public no-argument constructor, which DeepBuild"
        + " creates it with. Received: Readings.class. Add `public Readings() {}`, and keep its"
        + " settings in fields.", new JavaFileObject[] {provider}, "@ProvidedData");
  }

  @Test
  void aProviderThatIsNotPublicIsAnError() throws IOException {
    JavaFileObject source = sensors();
    JavaFileObject provider = provider("public class Readings", "class Readings");

    assertOneError(source, "Readings is not public, and DeepBuild creates it from outside its"
        + " package. Received: Readings.class. Declare it `public class Readings`.",
        new JavaFileObject[] {provider}, "@ProvidedData");
  }

  @Test
  void providedDataForASequentialModelIsAnError() throws IOException {
    JavaFileObject source = sensors("@Input(width = 4) Layer measures;", "",
        "@Dense(units = 1) @Output Layer level;", "@Dense(units = 1) Layer level;");

    assertOneError(source, "@ProvidedData on class 'Sensors': @ProvidedData gives a features"
        + " array per @Input and a labels array per @Output, and this model declares no @Input."
        + " Declare the model's inputs with @Input(width = ...) fields and its outputs with"
        + " @Output, or read a table with @CsvData.", new JavaFileObject[] {provider()},
        "@ProvidedData");
  }

  private static void assertOneError(JavaFileObject source, String message, String line)
      throws IOException {
    assertOneError(source, message, new JavaFileObject[0], line);
  }

  private static void assertOneError(JavaFileObject source, String message,
      JavaFileObject[] others, String line) throws IOException {
    JavaFileObject[] sources = new JavaFileObject[others.length + 1];
    sources[0] = source;
    System.arraycopy(others, 0, sources, 1, others.length);
    Compilation compilation = compile(sources);
    assertThat(compilation).hadErrorContaining(message).inFile(source).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(sources)).isEmpty();
  }
}

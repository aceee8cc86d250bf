package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.CompilationSubject;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.inspect.ModelSummary;
import dev.deepbuild.runtime.inspect.SummaryTable;
import dev.deepbuild.runtime.model.ModelDefinition;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Users' own layers in generated networks: created as built-in ones are, listed in the
 * compile-time summary as DL4J's, and checked against their declaration once DL4J has built the
 * network.
 */
class GeneratedCustomLayerTest {

  /** IMDB with a parameter-free layer and a layer with weights between its dense layers. */
  static JavaFileObject imdbWithCustomLayers(String projection) {
    return TestSources.imdb(
        "@Dense(units = 16, activation = RELU) Layer second;",
        "@Custom(com.example.Scale.class) Layer scale;\n"
            + projection + "\n"
            + "@Dense(units = 16, activation = RELU) Layer second;");
  }

  private static final String PROJECTION =
      "@Custom(value = com.example.Projection.class, units = 8, params = 136) Layer projection;";

  /** Tickets whose two heads' hidden layers are mixed by a vertex, then scaled. */
  static JavaFileObject ticketsWithCustomVertex(String mix) {
    return TestSources.tickets(
        "@Dense(units = 64, activation = RELU) Layer shared;",
        "@Dense(units = 64, activation = RELU, from = \"features\") Layer other;\n"
            + mix + "\n"
            + "@Custom(Scale.class) Layer shared;");
  }

  private static final String MIX = "@Custom(value = Mix.class, from = {\"hidden\", \"other\"})"
      + " Layer mix;";

  private static Compilation sequential() {
    return compile(imdbWithCustomLayers(PROJECTION), CustomSources.scale(),
        CustomSources.projection());
  }

  private static Compilation graph() {
    return compile(ticketsWithCustomVertex(MIX), CustomSources.scale(), CustomSources.mix());
  }

  @Test
  void aSequentialModelCreatesEachCustomLayerNamedByItsField() throws Exception {
    Compilation compilation = sequential();

    CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
    CompilationSubject.assertThat(compilation)
        .generatedSourceFile("dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier")
        .contentsAsUtf8String()
        .contains(".layer(CustomLayer.named(\"scale\", new Scale()))\n"
            + "        .layer(CustomLayer.named(\"projection\", new Projection()))\n");
    CompilationSubject.assertThat(compilation)
        .generatedSourceFile("dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier")
        .contentsAsUtf8String()
        .contains("return NetworkConfiguration.of(conf).declaring(\n"
            + "        DeclaredLayer.of(\"scale\", 16, 0L, 16),\n"
            + "        DeclaredLayer.of(\"projection\", 8, 136L, 16));");
  }

  @Test
  void aFunctionalModelAddsCustomLayersAndVertices() throws Exception {
    Compilation compilation = graph();

    CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
    CompilationSubject.assertThat(compilation)
        .generatedSourceFile("com.example.DeepBuild_Tickets")
        .contentsAsUtf8String()
        .contains(".addVertex(\"mix\", new Mix(), \"hidden\", \"other\")\n"
            + "        .addLayer(\"shared\", new Scale(), \"mix\")\n");
  }

  @Test
  void compileTimeSummaryIsTheRuntimesWithCustomLayers() throws Exception {
    Compilation compilation = sequential();
    ModelDefinition definition =
        GeneratedModelTest.load(compilation, "dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier");
    List<String> runtime = SummaryTable.lines(ModelSummary.of(definition.spec().name(),
        definition.spec().declaringClass(), definition.network(10000).create(42), 10000));

    String summary = SummaryResourceTest.summary(compilation, "imdb");
    assertThat(summary).isEqualTo(String.join("\n", runtime) + "\n");
    assertThat(summary).contains(" scale (Scale)               (None, 16)                0\n");
    assertThat(summary).contains(" projection (Projection)     (None, 8)                 136\n");
  }

  @Test
  void compileTimeSummaryIsTheRuntimesWithACustomVertex() throws Exception {
    Compilation compilation = graph();
    ModelDefinition definition =
        GeneratedModelTest.load(compilation, "com.example.DeepBuild_Tickets");
    List<String> runtime = SummaryTable.lines(ModelSummary.of(definition.spec().name(),
        definition.spec().declaringClass(), definition.network(0).create(42), List.of(2000, 10000)));

    assertThat(SummaryResourceTest.summary(compilation, "tickets"))
        .isEqualTo(String.join("\n", runtime) + "\n");
  }

  @Test
  void aCustomLayerOnACsvTablesRowTakesTheWidthFoundAtRunTime() throws Exception {
    Compilation compilation = compile(TestSources.iris(
        "@Dense(units = 16, activation = RELU) Layer hidden;",
        "@Custom(Scale.class) Layer scale;\n  @Dense(units = 16, activation = RELU) Layer hidden;"),
        CustomSources.scale());
    CompilationSubject.assertThat(compilation).succeededWithoutWarnings();
    CompilationSubject.assertThat(compilation)
        .generatedSourceFile("com.example.DeepBuild_IrisClassifier")
        .contentsAsUtf8String()
        .contains("DeclaredLayer.of(\"scale\", inputs, 0L, inputs)");
    ModelDefinition definition =
        GeneratedModelTest.load(compilation, "com.example.DeepBuild_IrisClassifier");

    assertThat(definition.network(4).create(42).layers().get(0).conf().getLayerName())
        .isEqualTo("scale");
  }

  @Test
  void aShapeTheClassDoesNotGiveFailsOnceDl4jHasBuiltTheNetwork() throws Exception {
    Compilation compilation = compile(
        imdbWithCustomLayers(PROJECTION.replace("units = 8", "units = 12")),
        CustomSources.scale(), CustomSources.projection());
    ModelDefinition definition =
        GeneratedModelTest.load(compilation, "dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier");

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> definition.network(10000));
    assertThat(e).hasMessageThat().isEqualTo("the custom layer 'projection'"
        + " (com.example.Projection) gives (None, 8) from its getOutputType, but its @Custom"
        + " declares (None, 12), which the compile-time shapes and summary use; make"
        + " getOutputType return InputType.feedForward(12) for inputs of (None, 16), or set"
        + " @Custom's units to what the layer gives (0 for its input's shape).");
  }

  @Test
  void parametersTheClassDoesNotHoldFailOnceDl4jHasBuiltTheNetwork() throws Exception {
    Compilation compilation = compile(
        imdbWithCustomLayers(PROJECTION.replace("params = 136", "params = 100")),
        CustomSources.scale(), CustomSources.projection());
    ModelDefinition definition =
        GeneratedModelTest.load(compilation, "dev.deepbuild.samples.imdb.DeepBuild_ImdbClassifier");

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> definition.network(10000));
    assertThat(e).hasMessageThat().isEqualTo("the custom layer 'projection'"
        + " (com.example.Projection) holds 136 parameters, but its @Custom declares 100, which"
        + " the compile-time summary shows; set params = 136.");
  }

  @Test
  void aVertexGivingAnotherShapeThanDeclaredFails() throws Exception {
    Compilation compilation = compile(ticketsWithCustomVertex(MIX.replace("Mix.class",
            "Mix.class, units = 32")), CustomSources.scale(), CustomSources.mix());
    ModelDefinition definition =
        GeneratedModelTest.load(compilation, "com.example.DeepBuild_Tickets");

    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> definition.network(0));
    assertThat(e).hasMessageThat().startsWith("the custom layer 'mix' (com.example.Mix) gives"
        + " (None, 64) from its getOutputType, but its @Custom declares (None, 32)");
  }
}

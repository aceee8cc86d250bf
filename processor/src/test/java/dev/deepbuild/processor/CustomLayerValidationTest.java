package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.generatedSources;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Custom} layer at compile time: each mistake in its class or its declaration is one
 * error on the annotation value at fault, with the fix, and nothing is generated.
 */
class CustomLayerValidationTest {

  /** Iris with a custom layer after its hidden layer. */
  private static JavaFileObject iris(String custom) {
    return TestSources.iris("@Dropout(0.2) Layer drop;", custom + "\n  @Dropout(0.2) Layer drop;");
  }

  private static final String SCALE = "@Custom(Scale.class) Layer scale;";

  private static final String MIX_ANY =
      "@Custom(value = Mix.class, from = {\"hidden\", \"other\"}) Layer mix;";

  /** Compiles the model with the custom classes, and checks it has exactly the one error. */
  private static void assertOneError(JavaFileObject model, String line, String message,
      JavaFileObject... classes) throws IOException {
    JavaFileObject[] sources = new JavaFileObject[classes.length + 1];
    sources[0] = model;
    System.arraycopy(classes, 0, sources, 1, classes.length);
    Compilation compilation = compile(sources);

    assertThat(compilation).hadErrorContaining(message).inFile(model).onLineContaining(line);
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(sources)).isEmpty();
  }

  @Test
  void aValidCustomLayerCompilesWithoutWarnings() {
    assertThat(compile(iris(SCALE), CustomSources.scale())).succeededWithoutWarnings();
  }

  @Test
  void aClassThatIsNotPublicIsAnError() throws IOException {
    assertOneError(iris(SCALE), "Layer scale;",
        "@Custom(Scale.class) on field 'scale': Scale is not public, and the network creates it"
            + " from outside its package. Received: Scale.class. Declare it `public class"
            + " Scale`.",
        CustomSources.scale("public class Scale", "class Scale"));
  }

  @Test
  void aClassWithoutAPublicNoArgumentConstructorIsAnError() throws IOException {
    assertOneError(iris(SCALE), "Layer scale;",
        "Scale has no public no-argument constructor, which the network creates it with."
            + " Received: Scale.class. Add `public Scale() {}`, and keep its settings in fields.",
        CustomSources.scale("extends SameDiffLambdaLayer {",
            "extends SameDiffLambdaLayer {\n  public Scale(double factor) {}\n"));
  }

  @Test
  void aClassThatExtendsNoCustomLayerTypeIsAnError() throws IOException {
    assertOneError(iris("@Custom(java.util.ArrayList.class) Layer scale;"), "Layer scale;",
        "ArrayList extends none of DL4J's custom layer types, so the network cannot use it."
            + " Received: ArrayList.class. Make it extend SameDiffLambdaLayer (no"
            + " parameters), SameDiffLayer (weights) or, in a functional model,"
            + " SameDiffLambdaVertex (two or more inputs), of"
            + " org.deeplearning4j.nn.conf.layers.samediff.");
  }

  @Test
  void anAbstractClassIsAnError() throws IOException {
    assertOneError(iris(SCALE), "Layer scale;",
        "Scale is abstract, so the network cannot create it.",
        CustomSources.scale("public class Scale", "public abstract class Scale"));
  }

  @Test
  void aLambdaLayerThatKeepsDl4jsThrowingGetOutputTypeIsAnError() throws IOException {
    assertOneError(iris(SCALE), "Layer scale;",
        "Scale does not override getOutputType, and SameDiffLambdaLayer's throws; DL4J calls it"
            + " to build the network, and DeepBuild to check the declared shape. Received:"
            + " Scale.class. Add `@Override public InputType getOutputType(int layerIndex,"
            + " InputType input) { return input; }`, or return the shape it gives, such as"
            + " InputType.feedForward(16).",
        CustomSources.scale("  @Override\n  public InputType getOutputType(",
            "  public InputType outputType("));
  }

  @Test
  void negativeUnitsAreAnError() throws IOException {
    assertOneError(iris("@Custom(value = Scale.class, units = -1) Layer scale;"), "Layer scale;",
        "@Custom(units = -1) on field 'scale': units is the size of the layer's output, 0 for the"
            + " shape of its input, so it is 0 or more. Received: units=-1. Set units = 0 if the"
            + " layer keeps its input's shape, or the size of its output, such as 16.",
        CustomSources.scale());
  }

  @Test
  void parametersOfALambdaLayerAreAnError() throws IOException {
    assertOneError(iris("@Custom(value = Scale.class, params = 10) Layer scale;"), "Layer scale;",
        "a SameDiffLambdaLayer has no parameters, and params declares 10.",
        CustomSources.scale());
  }

  @Test
  void aVertexInASequentialModelIsAnError() throws IOException {
    assertOneError(iris("@Custom(Mix.class) Layer mix;"), "Layer mix;",
        "@Custom(Mix.class) on field 'mix': a vertex joins two or more inputs, which only a"
            + " functional model names, and this model is sequential: each layer takes the one"
            + " before. Received: Mix.class. Extend SameDiffLambdaLayer for a layer of one"
            + " input, or declare the model's @Inputs and name what the vertex joins with from.",
        CustomSources.mix());
  }

  @Test
  void aVertexOfOneInputIsAnError() throws IOException {
    assertOneError(GeneratedCustomLayerTest.ticketsWithCustomVertex(
            "@Custom(value = Mix.class, from = \"hidden\") Layer mix;"),
        "Layer mix;",
        "a vertex takes two or more layers or inputs, and from names one.",
        CustomSources.mix(), CustomSources.scale());
  }

  @Test
  void aCustomLayerGivenTwoInputsIsAnError() throws IOException {
    assertOneError(GeneratedCustomLayerTest.ticketsWithCustomVertex(
            "@Custom(value = Scale.class, from = {\"hidden\", \"other\"}) Layer mix;"),
        "Layer mix;",
        "a @Custom layer takes one input, and from names 2.",
        CustomSources.mix(), CustomSources.scale());
  }

  @Test
  void aVertexKeepingTheShapeOfInputsOfTwoShapesIsAnError() throws IOException {
    JavaFileObject model = TestSources.source("com.example.Tickets", TestSources.replace(
        GeneratedCustomLayerTest.ticketsWithCustomVertex(MIX_ANY).getCharContent(false).toString(),
        "@Dense(units = 64, activation = RELU, from = \"features\") Layer other;",
        "@Dense(units = 32, activation = RELU, from = \"features\") Layer other;"));
    assertOneError(model, "Layer mix;",
        "@Custom(from = {\"hidden\", \"other\"}) on field 'mix': 'mix' cannot take \"hidden\","
            + " \"other\" of shape (None, 64), (None, 32): units = 0 declares the shape of its"
            + " inputs, and they are (None, 64) and (None, 32)."
            + " Received: from={\"hidden\", \"other\"}."
            + " Give the joined layers one shape, or set units to the size of what the vertex"
            + " gives.",
        CustomSources.mix(), CustomSources.scale());
  }
}

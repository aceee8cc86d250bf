package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.generatedSources;
import static dev.deepbuild.processor.TestSources.iris;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The layer fields: their types, their annotations and the output layer's place. */
class LayerValidationTest {

  @Test
  void unitsMustBePositive() throws IOException {
    JavaFileObject source = iris("units = 16", "units = 0");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "[DeepBuild] @Dense(units = 0) on field 'hidden': units must be positive. Received:"
                + " units=0. Set units to the layer's output size, such as 16.")
        .inFile(source)
        .onLineContaining("units = 0");
    // On the value itself, not the annotation: "  @Dense(units = " is 17 characters.
    assertThat(compilation)
        .hadErrorContaining("units must be positive")
        .inFile(source)
        .onLine(TestSources.lineContaining(source, "units = 0"))
        .atColumn(18);
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void dropoutRateIsTheFractionDroppedBelowOne() {
    JavaFileObject source = iris("@Dropout(0.2)", "@Dropout(1.0)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dropout(1.0) on field 'drop': the rate is the fraction of inputs dropped, as in"
                + " Keras's Dropout, so it is in [0, 1). Received: 1.0. Set the fraction to drop,"
                + " such as 0.2 to drop 20% of the inputs.")
        .inFile(source)
        .onLineContaining("@Dropout(1.0)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void negativeDropoutRateIsAnError() {
    JavaFileObject source = iris("@Dropout(0.2)", "@Dropout(-0.1)");

    assertThat(compile(source))
        .hadErrorContaining("Received: -0.1.")
        .inFile(source)
        .onLineContaining("@Dropout(-0.1)");
  }

  @Test
  void aClassWithTwoErrorsReportsBothAndGeneratesNothing() throws IOException {
    JavaFileObject source = iris("units = 16", "units = -4", "@Dropout(0.2)", "@Dropout(1.5)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("units must be positive. Received: units=-4.")
        .inFile(source)
        .onLineContaining("units = -4");
    assertThat(compilation)
        .hadErrorContaining("Received: 1.5.")
        .inFile(source)
        .onLineContaining("@Dropout(1.5)");
    assertThat(compilation).hadErrorCount(2);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void layerFieldMustHaveTypeLayer() {
    JavaFileObject source = iris("Layer drop;", "int drop;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dropout on field 'drop': a layer field has type dev.deepbuild.annotations.Layer, and"
                + " 'drop' has type int. Declare it as `Layer drop;`.")
        .inFile(source)
        .onLineContaining("int drop;");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void fieldIsOneLayer() {
    JavaFileObject source =
        iris("@Dropout(0.2) Layer drop;", "@Dropout(0.2) @Dense(units = 8) Layer drop;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dense on field 'drop': 'drop' is already a @Dropout layer, and a field is one layer."
                + " Declare the @Dense layer in a field of its own")
        .inFile(source)
        .onLineContaining("@Dense(units = 8)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void layerTypedFieldNeedsALayerAnnotation() {
    JavaFileObject source = iris("@Dropout(0.2) Layer drop;", "Layer drop;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "field 'drop': it has type Layer but no layer annotation, so it is not a layer of the"
                + " model. Annotate it, such as"
                + " `@Dense(units = 16, activation = RELU) Layer drop;`, or remove it.")
        .inFile(source)
        .onLineContaining("Layer drop;");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void layerFieldMustNotBeStatic() {
    JavaFileObject source = iris("@Dropout(0.2) Layer drop;", "@Dropout(0.2) static Layer drop;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "field 'drop': a layer field is static, but the layers are the model's instance"
                + " fields, in declaration order. Remove static.")
        .inFile(source)
        .onLineContaining("static Layer drop;");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void lastLayerMustBeDense() {
    JavaFileObject source =
        iris("  @Dense(units = 3, activation = SOFTMAX) Layer output;\n", "");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dropout on field 'drop': the last layer is the output layer, which takes the loss,"
                + " so it must be @Dense. Add an output layer after it, such as"
                + " `@Dense(units = 3, activation = SOFTMAX) Layer output;`.")
        .inFile(source)
        .onLineContaining("@Dropout(0.2)");
    assertThat(compilation).hadErrorCount(1);
  }
}

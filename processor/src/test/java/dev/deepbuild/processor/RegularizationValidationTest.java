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

/** {@code @Regularization} and a {@code @Dense} layer's own {@code l1}, {@code l2} and {@code maxNorm}. */
class RegularizationValidationTest {

  private static final String HIDDEN = "@Dense(units = 16, activation = RELU)";

  @Test
  void classFactorIsZeroOrMore() throws IOException {
    JavaFileObject source = iris("@Standardize", "@Standardize\n@Regularization(l2 = -0.002)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Regularization(l2 = -0.002) on class 'IrisClassifier': l2 is the factor of the"
                + " penalty l2 * sum(w²) that every @Dense and @Conv2D layer's weights add to the"
                + " loss, so it is a finite number, 0 or more. Received: l2=-0.002. Set l2 to a"
                + " factor such as 0.002, or 0 for none.")
        .inFile(source)
        .onLineContaining("l2 = -0.002");
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void classFactorIsNotNaN() {
    // NaN means "the class's" on a layer; the class itself has nothing to inherit.
    JavaFileObject source =
        iris("@Standardize", "@Standardize\n@Regularization(l1 = Double.NaN)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Regularization(l1 = NaN) on class 'IrisClassifier': l1 is the factor of the penalty"
                + " l1 * sum(|w|) that every @Dense and @Conv2D layer's weights add to the loss, so"
                + " it is a finite number, 0 or more. Received: l1=NaN. Set l1 to a factor such as"
                + " 0.001, or 0 for none.")
        .inFile(source)
        .onLineContaining("l1 = Double.NaN");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void layerFactorIsZeroOrMoreAndNamesTheClassDefault() {
    JavaFileObject source =
        iris("@Standardize", "@Standardize\n@Regularization(l2 = 0.002)",
            HIDDEN, "@Dense(units = 16, activation = RELU, l2 = -1)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dense(l2 = -1.0) on field 'hidden': l2 is the factor of the penalty l2 * sum(w²)"
                + " that this layer's weights add to the loss, so it is a finite number, 0 or"
                + " more. Received: l2=-1.0. Set l2 to a factor such as 0.002, 0 for none, or"
                + " remove it to take @Regularization's, l2 = 0.002.")
        .inFile(source)
        .onLineContaining("l2 = -1");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void layerFactorIsFiniteWithoutAClassDefault() {
    JavaFileObject source =
        iris(HIDDEN, "@Dense(units = 16, activation = RELU, l1 = Double.POSITIVE_INFINITY)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dense(l1 = Infinity) on field 'hidden': l1 is the factor of the penalty l1 *"
                + " sum(|w|) that this layer's weights add to the loss, so it is a finite number,"
                + " 0 or more. Received: l1=Infinity. Set l1 to a factor such as 0.001, 0 for"
                + " none, or remove it for none.")
        .inFile(source)
        .onLineContaining("l1 = Double.POSITIVE_INFINITY");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void maxNormIsZeroOrMore() {
    JavaFileObject source = iris(HIDDEN, "@Dense(units = 16, activation = RELU, maxNorm = -3)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Dense(maxNorm = -3.0) on field 'hidden': maxNorm is the largest L2 norm of the"
                + " weights into each unit, so it is a finite number, 0 or more, where 0 means no"
                + " constraint. Received: maxNorm=-3.0. Set a norm such as 3, or remove maxNorm"
                + " for no constraint.")
        .inFile(source)
        .onLineContaining("maxNorm = -3");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void everyWrongValueOfALayerIsReported() {
    JavaFileObject source =
        iris(HIDDEN, "@Dense(units = 0, activation = RELU, l1 = -1, l2 = -2, maxNorm = -3)");
    Compilation compilation = compile(source);

    assertThat(compilation).hadErrorContaining("Received: units=0.");
    assertThat(compilation).hadErrorContaining("Received: l1=-1.0.");
    assertThat(compilation).hadErrorContaining("Received: l2=-2.0.");
    assertThat(compilation).hadErrorContaining("Received: maxNorm=-3.0.");
    assertThat(compilation).hadErrorCount(4);
  }

  @Test
  void regularizationWithoutModelIsAnError() {
    JavaFileObject source =
        TestSources.model("Loose", "@Regularization(l2 = 0.002)\nclass Loose {}\n");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@Regularization on class 'Loose': @Regularization describes a model, but this class"
                + " has no @Model.")
        .inFile(source)
        .onLineContaining("@Regularization(l2 = 0.002)");
    assertThat(compilation).hadErrorCount(1);
  }
}

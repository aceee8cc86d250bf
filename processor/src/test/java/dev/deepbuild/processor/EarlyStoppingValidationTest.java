package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.boston;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.generatedSources;
import static dev.deepbuild.processor.TestSources.imdb;
import static dev.deepbuild.processor.TestSources.iris;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @EarlyStopping}: its values, its metric, and the validation data it watches. */
class EarlyStoppingValidationTest {

  /** Iris with early stopping: its split holds out validation rows. */
  private static JavaFileObject irisStopping(String earlyStopping, String... replacements) {
    String[] all = new String[replacements.length + 2];
    all[0] = "@Standardize";
    all[1] = "@Standardize\n" + earlyStopping;
    System.arraycopy(replacements, 0, all, 2, replacements.length);
    return iris(all);
  }

  @Test
  void earlyStoppingWithValidationDataCompiles() {
    assertThat(compile(irisStopping("@EarlyStopping(monitor = ACCURACY, patience = 10)")))
        .succeededWithoutWarnings();
  }

  @Test
  void patienceIsAtLeastOne() {
    JavaFileObject source = irisStopping("@EarlyStopping(patience = 0)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@EarlyStopping(patience = 0) on class 'IrisClassifier': patience is the number of"
                + " epochs without improvement before training stops, so it is at least 1."
                + " Received: patience=0. Set patience to 1 or more, such as 5.")
        .inFile(source)
        .onLineContaining("patience = 0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void minDeltaIsZeroOrMore() {
    JavaFileObject source = irisStopping("@EarlyStopping(minDelta = -0.01)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@EarlyStopping(minDelta = -0.01) on class 'IrisClassifier': minDelta is the smallest"
                + " change of the validation loss that counts as an improvement, so it is a finite"
                + " number, 0 or more. Received: minDelta=-0.01. Set minDelta to 0 to count any"
                + " improvement, or to a margin such as 0.001.")
        .inFile(source)
        .onLineContaining("minDelta = -0.01");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void minDeltaIsFinite() {
    JavaFileObject source =
        irisStopping("@EarlyStopping(minDelta = Double.POSITIVE_INFINITY)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("Received: minDelta=Infinity.")
        .inFile(source)
        .onLineContaining("minDelta = Double.POSITIVE_INFINITY");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void monitorMustApplyToTheModelsTask() {
    JavaFileObject source = irisStopping("@EarlyStopping(monitor = MAE)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@EarlyStopping(monitor = MAE) on class 'IrisClassifier': mae does not apply to a"
                + " classifier, and loss = CATEGORICAL_CROSSENTROPY makes this model one."
                + " Received: monitor=MAE. Monitor a metric that does: LOSS, ACCURACY, PRECISION,"
                + " RECALL or F1.")
        .inFile(source)
        .onLineContaining("monitor = MAE");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void earlyStoppingNeedsValidationRows() throws IOException {
    JavaFileObject source =
        irisStopping("@EarlyStopping(monitor = ACCURACY)", "validation = 0.2", "validation = 0");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@EarlyStopping on class 'IrisClassifier': it watches the validation accuracy after"
                + " every epoch, and the model has no validation data, since @CsvData's split has"
                + " validation = 0. Hold out validation rows, such as split = @Split(validation ="
                + " 0.2), or remove @EarlyStopping.")
        .inFile(source)
        .onLineContaining("@EarlyStopping(monitor = ACCURACY)");
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void earlyStoppingNeedsPartOfADatasetsTrainingSplit() {
    JavaFileObject source = imdb("@Dataset(IMDB)", "@Dataset(IMDB)\n@EarlyStopping");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@EarlyStopping on class 'ImdbClassifier': it watches the validation loss after every"
                + " epoch, and the model has no validation data, since @Dataset has validation ="
                + " 0. Hold out part of the training split, such as @Dataset(value = IMDB,"
                + " validation = 0.2), or remove @EarlyStopping.")
        .inFile(source)
        .onLineContaining("@EarlyStopping");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void earlyStoppingUnderKFoldHasNoValidationData() {
    JavaFileObject source = boston("@KFold(k = 4)", "@KFold(k = 4)\n@EarlyStopping(monitor = MAE)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@EarlyStopping on class 'BostonHousing': it watches the validation mae after every"
                + " epoch, and under @KFold the final fit has no validation data: the folds"
                + " validate, then the model trains on the whole training split. Hold out"
                + " validation data instead of @KFold: remove @KFold and hold out part of the"
                + " training split, such as @Dataset(value = BOSTON_HOUSING, validation = 0.2); or"
                + " keep @KFold with finalEpochs = BEST_MEAN, which trains the final model for"
                + " the folds' best mean epoch, and remove @EarlyStopping.")
        .inFile(source)
        .onLineContaining("@EarlyStopping(monitor = MAE)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void earlyStoppingWithoutModelIsAnError() {
    JavaFileObject source =
        TestSources.model("Loose", "@EarlyStopping(patience = 3)\nclass Loose {}\n");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@EarlyStopping on class 'Loose': @EarlyStopping describes a model, but this class has"
                + " no @Model. Add @Model, such as @Model(name = \"loose\"), or remove"
                + " @EarlyStopping.")
        .inFile(source)
        .onLineContaining("@EarlyStopping(patience = 3)");
    assertThat(compilation).hadErrorCount(1);
  }
}

package dev.deepbuild.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.boston;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.iris;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** {@code @LearningRateSchedule}: the values its type uses, and what a plateau watches. */
class ScheduleValidationTest {

  /** Iris (ADAM at 0.01, validation rows held out) with the schedule. */
  private static JavaFileObject irisScheduled(String schedule, String... replacements) {
    String[] all = new String[replacements.length + 2];
    all[0] = "@Standardize";
    all[1] = "@Standardize\n" + schedule;
    System.arraycopy(replacements, 0, all, 2, replacements.length);
    return iris(all);
  }

  @Test
  void everyTypeCompilesWithItsOwnOptions() {
    assertThat(compile(irisScheduled("@LearningRateSchedule(value = STEP, every = 20)")))
        .succeededWithoutWarnings();
    assertThat(compile(irisScheduled("@LearningRateSchedule(value = EXPONENTIAL, factor = 0.95)")))
        .succeededWithoutWarnings();
    assertThat(
            compile(
                irisScheduled(
                    "@LearningRateSchedule(value = ON_PLATEAU, patience = 3, monitor = ACCURACY,"
                        + " minLearningRate = 1e-4)")))
        .succeededWithoutWarnings();
  }

  @Test
  void factorIsBetweenZeroAndOne() {
    JavaFileObject source = irisScheduled("@LearningRateSchedule(value = STEP, factor = 1.5)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@LearningRateSchedule(factor = 1.5) on class 'IrisClassifier': factor multiplies the"
                + " learning rate at each reduction, so it is in (0, 1): below 1 to lower the"
                + " rate, above 0 to keep one. Received: factor=1.5. Set a factor such as 0.5,"
                + " which halves the rate.")
        .inFile(source)
        .onLineContaining("factor = 1.5");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void stepEveryIsAtLeastOne() {
    JavaFileObject source = irisScheduled("@LearningRateSchedule(value = STEP, every = 0)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@LearningRateSchedule(every = 0) on class 'IrisClassifier': every is the number of"
                + " epochs between two reductions, so it is at least 1. Received: every=0. Set"
                + " every to 1 or more, such as 10.")
        .inFile(source)
        .onLineContaining("every = 0");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void plateauPatienceIsAtLeastOne() {
    JavaFileObject source =
        irisScheduled("@LearningRateSchedule(value = ON_PLATEAU, patience = -2)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@LearningRateSchedule(patience = -2) on class 'IrisClassifier': patience is the"
                + " number of epochs without improvement before a reduction, so it is at least 1."
                + " Received: patience=-2. Set patience to 1 or more, such as 5.")
        .inFile(source)
        .onLineContaining("patience = -2");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void minLearningRateIsZeroOrMore() {
    JavaFileObject source =
        irisScheduled("@LearningRateSchedule(value = EXPONENTIAL, minLearningRate = -1e-5)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@LearningRateSchedule(minLearningRate = -1.0E-5) on class 'IrisClassifier':"
                + " minLearningRate is the floor of the learning rate, so it is a finite number, 0"
                + " or more. Received: minLearningRate=-1.0E-5. Set it to 0 for no floor, or to a"
                + " small rate such as 1e-5.")
        .inFile(source)
        .onLineContaining("minLearningRate = -1e-5");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void plateauMonitorMustApplyToTheModelsTask() {
    JavaFileObject source =
        irisScheduled("@LearningRateSchedule(value = ON_PLATEAU,\n    monitor = R2)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@LearningRateSchedule(monitor = R2) on class 'IrisClassifier': r2 does not apply to a"
                + " classifier, and loss = CATEGORICAL_CROSSENTROPY makes this model one."
                + " Received: monitor=R2. Monitor a metric that does: LOSS, ACCURACY, PRECISION,"
                + " RECALL or F1.")
        .inFile(source)
        .onLineContaining("monitor = R2");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void plateauNeedsValidationData() {
    JavaFileObject source =
        irisScheduled("@LearningRateSchedule(ON_PLATEAU)", "validation = 0.2", "validation = 0");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@LearningRateSchedule(ON_PLATEAU) on class 'IrisClassifier': ON_PLATEAU watches the"
                + " validation loss after every epoch, and the model has no validation data, since"
                + " @CsvData's split has validation = 0. Received: ON_PLATEAU. Hold out validation"
                + " rows, such as split = @Split(validation = 0.2), or use STEP or EXPONENTIAL,"
                + " which need none.")
        .inFile(source)
        .onLineContaining("@LearningRateSchedule(ON_PLATEAU)");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void plateauUnderKFoldHasNoValidationData() {
    JavaFileObject source =
        boston("@KFold(k = 4)", "@KFold(k = 4)\n@LearningRateSchedule(value = ON_PLATEAU)");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@LearningRateSchedule(ON_PLATEAU) on class 'BostonHousing': ON_PLATEAU watches the"
                + " validation loss after every epoch, and under @KFold the final fit has no"
                + " validation data: the folds validate, then the model trains on the whole"
                + " training split. Received: ON_PLATEAU. Hold out validation data instead of"
                + " @KFold: remove @KFold and hold out part of the training split, such as"
                + " @Dataset(value = BOSTON_HOUSING, validation = 0.2); or use STEP or EXPONENTIAL,"
                + " which need none.")
        .inFile(source)
        .onLineContaining("value = ON_PLATEAU");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void optionsTheTypeIgnoresAreWarnings() {
    JavaFileObject source =
        irisScheduled(
            "@LearningRateSchedule(value = EXPONENTIAL,\n    every = 3,\n    patience = 0,\n"
                + "    monitor = MAE)");
    Compilation compilation = compile(source);

    // Ignored values are not checked: patience = 0 and a regression metric are only ignored.
    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "@LearningRateSchedule(every = 3) on class 'IrisClassifier': every applies to STEP"
                + " only, so EXPONENTIAL ignores it. Received: every=3. Remove every, or use"
                + " STEP.")
        .inFile(source)
        .onLineContaining("every = 3");
    assertThat(compilation)
        .hadWarningContaining(
            "@LearningRateSchedule(patience = 0) on class 'IrisClassifier': patience applies to"
                + " ON_PLATEAU only, so EXPONENTIAL ignores it. Received: patience=0. Remove"
                + " patience, or use ON_PLATEAU.")
        .inFile(source)
        .onLineContaining("patience = 0");
    assertThat(compilation)
        .hadWarningContaining("monitor applies to ON_PLATEAU only, so EXPONENTIAL ignores it.")
        .inFile(source)
        .onLineContaining("monitor = MAE");
    assertThat(compilation).hadWarningCount(3);
  }

  @Test
  void floorNotBelowTheStartingRateIsAWarning() {
    JavaFileObject source =
        irisScheduled("@LearningRateSchedule(value = STEP, minLearningRate = 0.01)");
    Compilation compilation = compile(source);

    assertThat(compilation).succeeded();
    assertThat(compilation)
        .hadWarningContaining(
            "@LearningRateSchedule(minLearningRate = 0.01) on class 'IrisClassifier': the learning"
                + " rate starts at 0.01, which is not above this floor, so the schedule never"
                + " lowers it. Received: minLearningRate=0.01. Set minLearningRate below 0.01, or"
                + " remove it.")
        .inFile(source)
        .onLineContaining("minLearningRate = 0.01");
    assertThat(compilation).hadWarningCount(1);
  }

  @Test
  void scheduleWithoutModelIsAnError() {
    JavaFileObject source =
        TestSources.model("Loose", "@LearningRateSchedule(STEP)\nclass Loose {}\n");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining(
            "@LearningRateSchedule on class 'Loose': @LearningRateSchedule describes a model, but"
                + " this class has no @Model.")
        .inFile(source)
        .onLineContaining("@LearningRateSchedule(STEP)");
    assertThat(compilation).hadErrorCount(1);
  }
}

package dev.deepbuild.processor;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.deepbuild.processor.TestSources.compile;
import static dev.deepbuild.processor.TestSources.generatedSources;
import static dev.deepbuild.processor.TestSources.tickets;

import com.google.testing.compile.Compilation;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.runtime.model.EarlyStoppingSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.ScheduleSpec;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * A functional model's graph at compile time: each mistake is one error on the annotation value
 * at fault, with the fix, and nothing is generated.
 */
class GraphValidationTest {

  @Test
  void theTicketModelCompilesAndGeneratesItsDefinitionAndPredictor() throws IOException {
    JavaFileObject source = tickets();

    assertThat(compile(source)).succeededWithoutWarnings();
    assertThat(generatedSources(source))
        .containsExactly("com/example/DeepBuild_Tickets.java", "com/example/TicketsPredictor.java");
  }

  @Test
  void anUnknownFromNamesTheFieldsAndTheNearest() throws IOException {
    JavaFileObject source = tickets("@Dense(units = 64, activation = RELU) Layer hidden;",
        "@Dense(units = 64, activation = RELU, from = \"featurs\") Layer hidden;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("@Dense(from = \"featurs\") on field 'hidden': 'featurs' names no"
            + " input, layer or merge of this model. Received: from=\"featurs\". Name one of"
            + " [title, body, features, hidden, shared, topic, usa]. Did you mean features?")
        .inFile(source)
        .onLineContaining("from = \"featurs\"");
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void aCycleIsReportedOnceWithItsPath() throws IOException {
    JavaFileObject source = tickets(
        "@Concatenate(from = {\"title\", \"body\"}) Layer features;",
        "@Concatenate(from = {\"title\", \"hidden\"}) Layer features;");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("the graph has a cycle: features takes hidden takes features, so no"
            + " layer of it can be computed first.")
        .inFile(source)
        .onLineContaining("@Concatenate");
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void anInputNothingUsesIsAnError() {
    JavaFileObject source = tickets(
        "@Concatenate(from = {\"title\", \"body\"}) Layer features;",
        "@Dense(units = 32, activation = RELU, from = \"title\") Layer features;");

    assertThat(compile(source))
        .hadErrorContaining("@Input on field 'body': nothing that leads to an output takes the"
            + " input 'body'. Take it with a layer's from, or remove it.")
        .inFile(source)
        .onLineContaining("Layer body;");
  }

  @Test
  void aLayerThatLeadsToNoOutputIsAnError() {
    JavaFileObject source = tickets(
        "@Output(loss = BINARY_CROSSENTROPY, weight = 0.3) Layer usa;",
        "@Output(loss = BINARY_CROSSENTROPY, weight = 0.3) Layer usa;\n"
            + "  @Dense(units = 8, activation = RELU, from = \"hidden\") Layer unused;");

    assertThat(compile(source))
        .hadErrorContaining("@Dense on field 'unused': 'unused' leads to no @Output, so training"
            + " never changes it. Take it with a layer on the way to an output, mark it @Output,"
            + " or remove it.")
        .inFile(source)
        .onLineContaining("Layer unused;");
  }

  @Test
  void addingVectorsOfDifferentSizesGivesBothShapesAndTheFix() {
    JavaFileObject source = tickets(
        "@Concatenate(from = {\"title\", \"body\"}) Layer features;",
        "@Add(from = {\"title\", \"body\"}) Layer features;");

    assertThat(compile(source))
        .hadErrorContaining("'features' cannot take \"title\", \"body\" of shape (None, 2000),"
            + " (None, 10000): Add combines inputs of one shape element by element, and they are"
            + " (None, 2000) and (None, 10000). Received: from={\"title\", \"body\"}. Give the"
            + " merged layers one shape (a @Dense of the same units on each), or use"
            + " @Concatenate, which joins feature vectors of any sizes, or images of one height"
            + " and width.")
        .inFile(source)
        .onLineContaining("@Add");
  }

  @Test
  void aDenseLayerTakesOneInput() {
    JavaFileObject source = tickets(
        "@Concatenate(from = {\"title\", \"body\"}) Layer features;\n"
            + "  @Dense(units = 64, activation = RELU) Layer hidden;",
        "@Dense(units = 64, activation = RELU, from = {\"title\", \"body\"}) Layer hidden;");

    assertThat(compile(source))
        .hadErrorContaining("a @Dense layer takes one input, and from names 2.")
        .inFile(source)
        .onLineContaining("Layer hidden;");
  }

  @Test
  void anInputReadsAFieldTheDatasetHas() {
    JavaFileObject source = tickets("@Input(field = \"body\")", "@Input(field = \"bdy\")");

    assertThat(compile(source))
        .hadErrorContaining("@Input(field = \"bdy\") on field 'body': REUTERS has no text field"
            + " 'bdy'. Received: field=\"bdy\". Read one of [text, title, body]. Did you mean"
            + " body?")
        .inFile(source)
        .onLineContaining("@Input(field = \"bdy\")");
  }

  @Test
  void anOutputPredictsAFieldTheDatasetHas() {
    JavaFileObject source = tickets("@Output(loss = BINARY_CROSSENTROPY, weight = 0.3)",
        "@Output(field = \"usaa\", loss = BINARY_CROSSENTROPY, weight = 0.3)");

    assertThat(compile(source))
        .hadErrorContaining("REUTERS has no label field 'usaa'. Received: field=\"usaa\". Predict"
            + " one of [topic, usa]. Did you mean usa?");
  }

  @Test
  void anOutputsLossMustFitItsLayer() {
    JavaFileObject source = tickets("@Output(loss = BINARY_CROSSENTROPY, weight = 0.3)",
        "@Output(weight = 0.3)");

    // @Train's loss, CATEGORICAL_CROSSENTROPY, does not fit one sigmoid unit.
    assertThat(compile(source))
        .hadErrorContaining("CATEGORICAL_CROSSENTROPY needs one SOFTMAX output unit per class, so"
            + " at least 2, but this layer has 1 SIGMOID unit.")
        .inFile(source)
        .onLineContaining("from = \"shared\"");
  }

  @Test
  void aLossWeightIsPositive() {
    JavaFileObject source = tickets("weight = 0.3", "weight = 0");

    assertThat(compile(source))
        .hadErrorContaining("the weight multiplies this output's loss in the model's loss, so it"
            + " is a positive number. Received: weight=0.0.");
  }

  @Test
  void aThresholdOnAnOutputTheModelLacksNamesItsOutputs() throws IOException {
    JavaFileObject source = tickets("output = \"usa\"", "output = \"usaa\"");
    Compilation compilation = compile(source);

    assertThat(compilation)
        .hadErrorContaining("the model has no output 'usaa'; its outputs are [topic, usa]."
            + " Received: output=\"usaa\". Name one of them. Did you mean usa?")
        .inFile(source)
        .onLineContaining("output = \"usaa\"");
    assertThat(compilation).hadErrorCount(1);
    assertThat(generatedSources(source)).isEmpty();
  }

  @Test
  void aModelThresholdOnAnOutputsMetricAsksForTheOutput() {
    JavaFileObject source = tickets("@Threshold(output = \"usa\", metric = ACCURACY, min = 0.7)",
        "@Threshold(metric = ACCURACY, min = 0.8)");

    assertThat(compile(source))
        .hadErrorContaining("a model of several outputs has one metric of its own, its loss (the"
            + " weighted sum of the outputs' losses); accuracy is each output's.");
  }

  @Test
  void aMergeOutsideAFunctionalModelAsksForInputs() {
    JavaFileObject source = TestSources.iris("@Dropout(0.2) Layer drop;",
        "@Concatenate(from = {\"hidden\", \"hidden\"}) Layer drop;");

    assertThat(compile(source))
        .hadErrorContaining("@Concatenate is part of a functional model's graph, and this model"
            + " has no @Input, so its layers take one another in order.");
  }

  @Test
  void aClassLevelVectorizationOfAFunctionalModelBelongsOnItsInputs() {
    JavaFileObject source = tickets("@Dataset(REUTERS)",
        "@Dataset(REUTERS)\n@TextVectorization(maxTokens = 100)");

    assertThat(compile(source))
        .hadErrorContaining("Move it onto each @Input field that reads texts.");
  }

  @Test
  void earlyStoppingOfAFunctionalModelWatchesItsLossOrOneOutputsMetric() throws Exception {
    JavaFileObject onTopic = tickets("@Dataset(REUTERS)", "@Dataset(value = REUTERS, validation ="
        + " 0.2)\n@EarlyStopping(monitor = ACCURACY, output = \"topic\", patience = 3)");
    ModelSpec spec = GeneratedModelTest.load(compile(onTopic), "com.example.DeepBuild_Tickets")
        .spec();
    assertThat(spec.earlyStopping())
        .isEqualTo(EarlyStoppingSpec.on(Metric.ACCURACY).patience(3).onOutput("topic"));

    JavaFileObject onModel = tickets("@Dataset(REUTERS)", "@Dataset(value = REUTERS, validation ="
        + " 0.2)\n@EarlyStopping(monitor = ACCURACY, patience = 3)");
    assertThat(compile(onModel))
        .hadErrorContaining("a model of several outputs has one metric of its own, its loss (the"
            + " weighted sum of the outputs' losses); accuracy is each output's. Received:"
            + " monitor=ACCURACY. Monitor LOSS, or name the output whose accuracy counts, such as"
            + " output = \"topic\".")
        .inFile(onModel)
        .onLineContaining("@EarlyStopping");

    JavaFileObject onRegression = tickets("@Dataset(REUTERS)", "@Dataset(value = REUTERS,"
        + " validation = 0.2)\n@EarlyStopping(monitor = MAE, output = \"usa\", patience = 3)");
    assertThat(compile(onRegression))
        .hadErrorContaining("mae does not apply to a classifier, and the output 'usa' is one.");
  }

  @Test
  void aPlateauScheduleMayWatchOneOutput() throws Exception {
    JavaFileObject source = tickets("@Dataset(REUTERS)", "@Dataset(value = REUTERS, validation ="
        + " 0.2)\n@LearningRateSchedule(value = ON_PLATEAU, monitor = ACCURACY, output = \"usa\")");
    ModelSpec spec = GeneratedModelTest.load(compile(source), "com.example.DeepBuild_Tickets")
        .spec();

    assertThat(spec.schedule()).isEqualTo(ScheduleSpec.onPlateau(Metric.ACCURACY, 5).onOutput("usa"));
  }

  @Test
  void aFunctionalModelCrossValidatesOnItsLoss() throws Exception {
    JavaFileObject source = tickets("@Threshold(output = \"usa\", metric = ACCURACY, min = 0.7)",
        "@Threshold(output = \"usa\", metric = ACCURACY, min = 0.7)\n@KFold(k = 3)"
            + "\n@Threshold(metric = LOSS, max = 2.0, on = KFOLD_MEAN)");
    ModelSpec spec = GeneratedModelTest.load(compile(source), "com.example.DeepBuild_Tickets")
        .spec();
    assertThat(spec.kFold().k()).isEqualTo(3);

    JavaFileObject perOutput = tickets("@Threshold(output = \"usa\", metric = ACCURACY, min = 0.7)",
        "@Threshold(output = \"usa\", metric = ACCURACY, min = 0.7, on = KFOLD_MEAN)\n@KFold(k = 3)");
    assertThat(compile(perOutput))
        .hadErrorContaining("the k-fold folds measure the model's loss, the weighted sum of its"
            + " outputs', not each output's metrics. Received: on=KFOLD_MEAN. Bound the folds'"
            + " LOSS without output, or usa's accuracy on TEST or VALIDATION.");
  }
}

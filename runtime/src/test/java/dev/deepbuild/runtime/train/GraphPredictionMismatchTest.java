package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.model.Definitions;
import dev.deepbuild.runtime.predict.CommandLinePrediction;
import dev.deepbuild.runtime.predict.ExpectedModel;
import dev.deepbuild.runtime.predict.ModelInput;
import dev.deepbuild.runtime.predict.ModelMismatchException;
import dev.deepbuild.runtime.predict.PackagedModel;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A functional model's file refuses the code generated from another declaration, naming the
 * input or output that differs and the fix; rows that lack an input or name one the model lacks
 * are refused by name; and {@code dl:predict} reads rows of named inputs as JSON objects.
 */
class GraphPredictionMismatchTest {
  @TempDir static Path base;
  private static Path file;

  @BeforeAll
  static void train() throws IOException {
    FieldedTextTrainingTest.tickets(base.resolve("tickets.csv"));
    List<String> log = new ArrayList<>();
    new ModelTrainer(base, base.resolve("out"), GraphPredictionMismatchTest.class.getClassLoader(),
        log::add).train(Definitions.configured(FieldedTextTrainingTest.spec(),
            inputs -> FieldedTextTrainingTest.graph()));
    file = base.resolve("out/tickets/model.zip");
  }

  private static ExpectedModel tickets() {
    return ExpectedModel.named("tickets");
  }

  @Test
  void aRenamedInputIsRefusedWithBothListsOfInputs() {
    String message = refused(tickets()
        .textInput("title", OutputMode.MULTI_HOT, 200, 0)
        .textInput("text", OutputMode.MULTI_HOT, 400, 0)
        .classificationOutput("team", 3).classificationOutput("urgent", 2));

    assertEquals("tickets: " + file + ", saved by DeepBuild " + version() + ", has the inputs"
        + " [title, body], but the code expects [title, text], in this order. Train it again with"
        + " mvn dl:train, which saves " + file + " from the model's current class.", message);
  }

  @Test
  void aMissingInputIsRefused() {
    String message = refused(tickets()
        .textInput("title", OutputMode.MULTI_HOT, 200, 0)
        .classificationOutput("team", 3).classificationOutput("urgent", 2));

    assertTrue(message.contains("has the inputs [title, body], but the code expects [title]"),
        message);
  }

  @Test
  void anOutputOfAnotherClassCountIsRefusedNamingTheOutput() {
    String message = refused(tickets()
        .textInput("title", OutputMode.MULTI_HOT, 200, 0)
        .textInput("body", OutputMode.MULTI_HOT, 400, 0)
        .classificationOutput("team", 4).classificationOutput("urgent", 2));

    assertTrue(message.contains("was trained for its output \"team\" on 3 classes [account,"
        + " billing, network], but the code expects 4."), message);
  }

  @Test
  void anInputOfAnotherVectorizationIsRefusedNamingTheInput() {
    String message = refused(tickets()
        .textInput("title", OutputMode.MULTI_HOT, 200, 0)
        .textInput("body", OutputMode.MULTI_HOT, 300, 0)
        .classificationOutput("team", 3).classificationOutput("urgent", 2));

    assertTrue(message.contains("was trained for its input \"body\" on texts as 400 multi-hot"
        + " columns, but the code expects texts as 300 multi-hot columns."), message);
  }

  @Test
  void aRegressingOutputWhereTheFileClassifiesIsRefused() {
    String message = refused(tickets()
        .textInput("title", OutputMode.MULTI_HOT, 200, 0)
        .textInput("body", OutputMode.MULTI_HOT, 400, 0)
        .classificationOutput("team", 3).regressionOutput("urgent"));

    assertTrue(message.contains("was trained for its output \"urgent\" for CLASSIFICATION, but"
        + " the code expects REGRESSION."), message);
  }

  @Test
  void aSequentialPredictorRefusesTheFunctionalFile() {
    String message = refused(tickets().classification(3).text(OutputMode.MULTI_HOT, 200, 0));

    assertTrue(message.contains("holds a functional model of 2 named inputs, which this"
        + " predictor, of one input, cannot feed."), message);
  }

  @Test
  void aRowWithoutAnInputOrWithAnInputTheModelLacksIsRefusedByName() {
    PackagedModel model = PackagedModel.load(tickets(), file);

    InvalidInputException missing = assertThrows(InvalidInputException.class,
        () -> model.predictNamed(List.of(Map.of("title", ModelInput.text("urgent")))));
    InvalidInputException unknown = assertThrows(InvalidInputException.class,
        () -> model.predictNamed(List.of(Map.of("title", ModelInput.text("urgent"),
            "bdoy", ModelInput.text("my network issue")))));
    InvalidInputException kind = assertThrows(InvalidInputException.class,
        () -> model.predictNamed(List.of(Map.of("title", ModelInput.text("urgent"),
            "body", ModelInput.features(1, 2)))));
    InvalidInputException sequential = assertThrows(InvalidInputException.class,
        () -> model.outputs(List.of(ModelInput.text("urgent"))));

    assertEquals("tickets: a row has no input \"body\"; the model takes the inputs [title, body],"
        + " each once.", missing.getMessage());
    assertEquals("tickets: \"bdoy\" is none of the model's inputs [title, body]. Did you mean"
        + " body?", unknown.getMessage());
    assertTrue(kind.getMessage().startsWith("tickets input body: was given a row of feature"
        + " values, but the model takes texts"), kind.getMessage());
    assertTrue(sequential.getMessage().contains("predict with predictNamed"),
        sequential.getMessage());
  }

  @Test
  void dlPredictReadsAJsonObjectOfNamedInputsAndPrintsEachOutput() throws IOException {
    List<String> one = CommandLinePrediction.predict(file, "tickets",
        "{\"title\": \"urgent: please help now\", \"body\": \"my billing issue, see ref1\"}", base);
    Files.writeString(base.resolve("rows.jsonl"),
        "{\"title\": \"urgent: please help now\", \"body\": \"my billing issue, see ref1\"}\n\n"
            + "{\"body\": \"my network issue\", \"title\": \"a question when you have time\"}\n");
    List<String> lines = CommandLinePrediction.predict(file, "tickets", "rows.jsonl", base);
    InvalidInputException notJson = assertThrows(InvalidInputException.class,
        () -> CommandLinePrediction.predict(file, "tickets", "urgent: please help", base));

    assertEquals(1, one.size());
    assertTrue(one.get(0).matches("team: \\w+ \\(\\d\\.\\d{4}\\); urgent: (yes|no) \\(\\d\\.\\d{4}\\)"),
        one.get(0));
    assertEquals(2, lines.size());
    assertEquals(one.get(0), lines.get(0));
    assertTrue(notJson.getMessage().startsWith("tickets: the row urgent: please help is no JSON"
        + " object of the model's inputs by name"), notJson.getMessage());
  }

  private static String refused(ExpectedModel expected) {
    return assertThrows(ModelMismatchException.class, () -> PackagedModel.load(expected, file))
        .getMessage();
  }

  private static String version() {
    return dev.deepbuild.runtime.incremental.RuntimeVersions.deepbuildVersion();
  }
}

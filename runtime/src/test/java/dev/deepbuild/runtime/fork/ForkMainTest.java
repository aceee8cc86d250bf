package dev.deepbuild.runtime.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkJson;
import dev.deepbuild.build.fork.ForkLauncher;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.gate.CheckOutcome;
import dev.deepbuild.build.gate.ThresholdRule;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs each goal in this JVM, on the test class path where {@link BlobsModel} is indexed. */
class ForkMainTest {
  private static final double NONE = Double.NaN;

  @TempDir Path project;
  private final List<String> log = new ArrayList<>();

  /** The launcher, which does not load the training code, names this class by its name. */
  @Test
  void launcherStartsThisMainClass() {
    assertEquals(ForkMain.class.getName(), ForkLauncher.MAIN_CLASS);
  }

  @Test
  void ruleStricterThanTheModelFailsTrainingWithJaCoCoStyleMessages() {
    // blobs's own threshold is a test accuracy of at least 0.9; the rule replaces it.
    ThresholdRule strict = new ThresholdRule(1, "blobs", Metric.ACCURACY, DataSplit.TEST, NONE, 0.5);
    ThresholdRule added = new ThresholdRule(2, "*", Metric.LOSS, DataSplit.TRAIN, NONE, 1e-6);
    SessionResult result = ForkMain.run(request(ForkGoal.TRAIN, strict, added), loader(), log::add);

    List<CheckOutcome> checks = result.models().get(0).checks();
    assertEquals(2, checks.size());
    assertTrue(checks.get(0).message().matches(
        "blobs: test accuracy is \\d\\.\\d{3}, but expected maximum is 0\\.500"), checks.get(0).message());
    assertTrue(checks.get(1).message().matches(
        "blobs: training loss is \\d\\.\\d+, but expected maximum is 0\\.000001"), checks.get(1).message());
    assertEquals(2, result.violations().size());
    assertTrue(log.contains("blobs: <rules><rule> #1 (blobs: ACCURACY on TEST) replaces"
        + " @Threshold(metric = ACCURACY, on = TEST, min = 0.9)"), String.join("\n", log));
    assertTrue(log.contains("blobs: <rules><rule> #2 (*: LOSS on TRAIN) adds a threshold on"
        + " training loss"), String.join("\n", log));
  }

  @Test
  void evaluationAfterTrainingChecksTheSameValuesWithTheSameRules() {
    ThresholdRule rule = new ThresholdRule(1, "blobs", Metric.F1, DataSplit.TEST, 0.5, NONE);
    ModelOutcome trained = ForkMain.run(request(ForkGoal.TRAIN, rule), loader(), log::add)
        .models().get(0);
    log.clear();
    ModelOutcome evaluated = ForkMain.run(request(ForkGoal.EVALUATE, rule), loader(), log::add)
        .models().get(0);

    assertEquals(trained.checks(), evaluated.checks());
    assertEquals(2, evaluated.checks().size());
    assertTrue(log.contains("Evaluating blobs (test.Blobs)"), String.join("\n", log));
    assertFalse(log.stream().anyMatch(line -> line.startsWith("blobs: epoch")), String.join("\n", log));
  }

  @Test
  void summaryPrintsTheTableAndTrainsNothing() {
    SessionResult result = ForkMain.run(request(ForkGoal.SUMMARY), loader(), log::add);

    assertEquals(List.of(), result.errors());
    // BlobsModel names no layers; DL4J names them by position.
    assertTrue(log.contains(" layer0 (DenseLayer)         (None, 4)                 12"),
        String.join("\n", log));
    assertTrue(log.contains(" layer1 (OutputLayer)        (None, 2)                 10"),
        String.join("\n", log));
    assertTrue(log.contains("Total params: 22"), String.join("\n", log));
    assertFalse(Files.exists(project.resolve("target/deepbuild/blobs")));
  }

  @Test
  void ruleForAModelThatDoesNotExistStopsTheForkBeforeTraining() {
    ThresholdRule rule = new ThresholdRule(1, "blob", Metric.ACCURACY, DataSplit.TEST, 0.9, NONE);
    DeepBuildException e = assertThrows(DeepBuildException.class,
        () -> ForkMain.run(request(ForkGoal.TRAIN, rule), loader(), log::add));

    assertTrue(e.getMessage().startsWith("<rules><rule> #1: <model>blob</model> is not a model of"
        + " this build; its models are blobs, endless-blobs. Did you mean blobs?"), e.getMessage());
    assertEquals(List.of(), log);
  }

  @Test
  void aRuleOnAMetricAStaleReportLacksFailsThatModelOnly() throws Exception {
    ThresholdRule rule = new ThresholdRule(1, "blobs", Metric.F1, DataSplit.TEST, 0.5, NONE);
    ForkMain.run(request(ForkGoal.TRAIN), loader(), log::add);
    Path metrics = project.resolve("target/deepbuild/blobs/metrics.json");
    ObjectNode report = (ObjectNode) new ObjectMapper().readTree(metrics.toFile());
    ((ObjectNode) report.get("metrics").get("test")).remove("f1");
    Files.writeString(metrics, report.toString());

    SessionResult result = ForkMain.run(request(ForkGoal.TRAIN, rule), loader(), log::add);

    assertEquals(List.of("blobs: no test f1 was measured for the threshold on it; give the model test"
        + " data or remove the threshold"), result.errors());
  }

  @Test
  void requestWithRulesTravelsAsJson() {
    ForkRequest request = request(ForkGoal.EVALUATE,
        new ThresholdRule(1, "*", Metric.MAE, DataSplit.KFOLD_MEAN, NONE, 2.9))
        .withEvaluationData(project.resolve("data/new.csv"));
    Path file = project.resolve("request.json");
    ForkJson.write(file, request);

    assertEquals(request, ForkJson.read(file, ForkRequest.class));
  }

  @Test
  void requestWrittenWithoutRulesReadsAsNone() throws Exception {
    Path file = project.resolve("request.json");
    Files.writeString(file, "{\"goal\": \"TRAIN\", \"baseDir\": \"" + project.toUri() + "\","
        + " \"outputRoot\": \"" + project.toUri() + "\", \"models\": [], \"force\": false,"
        + " \"resultFile\": \"" + project.resolve("result.json").toUri() + "\"}");

    ForkRequest request = ForkJson.read(file, ForkRequest.class);
    assertEquals(List.of(), request.rules());
    assertNull(request.evaluationData());
  }

  private ForkRequest request(ForkGoal goal, ThresholdRule... rules) {
    Path output = project.resolve("target/deepbuild");
    return new ForkRequest(goal, project, output, List.of("blobs"), false,
        output.resolve("fork/result.json")).withRules(List.of(rules));
  }

  private static ClassLoader loader() {
    return ForkMainTest.class.getClassLoader();
  }
}

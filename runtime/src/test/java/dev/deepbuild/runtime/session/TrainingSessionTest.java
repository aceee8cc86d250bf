package dev.deepbuild.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionProgress;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.runtime.fork.BlobsModel;
import dev.deepbuild.runtime.fork.CrashingModel;
import dev.deepbuild.runtime.fork.TailBlobsModel;
import dev.deepbuild.runtime.model.ModelDefinition;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sessions on the test class path's indexed {@code blobs} model, trained in this JVM. */
class TrainingSessionTest {
  @TempDir Path project;
  private final List<String> log = new ArrayList<>();

  private ModelOutcome run(boolean force) {
    log.clear();
    SessionResult result = new TrainingSession(project, project.resolve("target/deepbuild"),
        getClass().getClassLoader(), log::add).run(List.of("blobs"), force);
    assertEquals(List.of(), result.errors());
    return result.models().get(0);
  }

  private boolean trained() {
    return log.stream().anyMatch(line -> line.startsWith("blobs: epoch 1/"));
  }

  @Test
  void anUpToDateModelIsReusedAndCheckedAndForceTrainsItAgain() throws Exception {
    ModelOutcome first = run(false);
    assertEquals("blobs: training, because no saved model", log.get(0));
    assertTrue(trained(), String.join("\n", log));
    assertFalse(first.upToDate());
    assertNotNull(first.report().provenance());
    Path modelFile = project.resolve("target/deepbuild/blobs/model.zip");
    FileTime written = Files.getLastModifiedTime(modelFile);

    ModelOutcome second = run(false);
    assertEquals(List.of("blobs: up to date, reusing target/deepbuild/blobs/model.zip"), log);
    assertTrue(second.upToDate());
    assertEquals(first.report(), second.report());
    assertEquals(first.checks(), second.checks());
    assertEquals(1, second.checks().size());
    assertEquals(written, Files.getLastModifiedTime(modelFile));

    ModelOutcome forced = run(true);
    assertEquals("blobs: training, because -Ddl.force is set", log.get(0));
    assertTrue(trained(), String.join("\n", log));
    assertFalse(forced.upToDate());
    assertEquals(first.report().metrics(), forced.report().metrics());
  }

  @Test
  void aReusedOutcomeCrossesTheForkAsJson() throws Exception {
    // The fork hands its result to the build as JSON, as ForkJson writes it.
    ObjectMapper mapper = JsonMapper.builder().enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS).build();
    run(false);
    SessionResult reused = SessionResult.of(List.of(run(false)));

    SessionResult read = mapper.readValue(mapper.writeValueAsString(reused), SessionResult.class);
    assertEquals(reused, read);
    assertTrue(read.models().get(0).upToDate());
    assertTrue(read.models().get(0).report().provenance().fingerprint().get("data.digest")
        .startsWith("sha256:"));
  }

  @Test
  void checkingAgainKeepsWhetherTheModelWasReused() {
    run(false);
    ModelOutcome reused = run(false);
    assertTrue(reused.withChecks(List.of()).upToDate());
    assertEquals(List.of(), reused.withChecks(List.of()).checks());
    assertFalse(new ModelOutcome("blobs", reused.report(), null, reused.checks()).upToDate());
  }

  private SessionResult train(ModelDefinition... models) {
    log.clear();
    return new TrainingSession(project, project.resolve("target/deepbuild"),
        getClass().getClassLoader(), log::add).train(List.of(models), false);
  }

  private static void assertTrained(ModelOutcome outcome, String model) {
    assertEquals(model, outcome.model());
    assertNull(outcome.error(), outcome.error());
    assertTrue(outcome.checks().get(0).passed(), outcome.checks().get(0).message());
  }

  @Test
  void aModelThatThrowsFailsAloneWithItsStackTraceInTheLog() {
    List<String> heard = new ArrayList<>();
    log.clear();
    SessionResult result = new TrainingSession(project, project.resolve("target/deepbuild"),
        getClass().getClassLoader(), log::add).train(List.of(new CrashingModel(), new TailBlobsModel()),
        false, new SessionProgress() {
          @Override
          public void started(String model) {
            heard.add("started " + model);
          }

          @Override
          public void finished(ModelOutcome outcome) {
            heard.add("finished " + outcome.model() + (outcome.failed() ? " failed" : ""));
          }
        });

    assertTrue(result.models().get(0).error().startsWith(
        "crashing: training crashed with java.lang.IllegalStateException: "), result.models().get(0).error());
    assertTrained(result.models().get(1), "tail-blobs");
    assertTrue(log.stream().anyMatch(line -> line.strip()
        .startsWith("at " + CrashingModel.class.getName() + ".network(")), String.join("\n", log));
    assertEquals(List.of("started crashing", "finished crashing failed", "started tail-blobs",
        "finished tail-blobs"), heard);
  }

  @Test
  void oneTrainingStopsAfterTheFirstModelThatTrainsAndLeavesTheRest() {
    run(false);
    TrainingSession session = new TrainingSession(project, project.resolve("target/deepbuild"),
        getClass().getClassLoader(), log::add);

    SessionResult result = session.train(List.of(new BlobsModel(), new CrashingModel(),
        new TailBlobsModel(), new BlobsModel()), false, SessionProgress.NONE, true);

    // blobs is up to date and checked; crashing trains (and fails), the JVM is then spent.
    assertEquals(List.of("blobs", "crashing"), result.models().stream().map(ModelOutcome::model).toList());
    assertTrue(result.models().get(0).upToDate());
    assertEquals(List.of("tail-blobs", "blobs"), result.left());

    SessionResult rest = session.train(List.of(new TailBlobsModel()), false, SessionProgress.NONE, true);
    assertTrained(rest.models().get(0), "tail-blobs");
    assertEquals(List.of(), rest.left());
  }

  @Test
  void aModelWhoseFilesCannotBeWrittenFailsAlone() throws Exception {
    // The model's folder is taken by a file, as good as a full disk for writing the model.
    Files.createDirectories(project.resolve("target/deepbuild"));
    Files.writeString(project.resolve("target/deepbuild/blobs"), "not a folder");
    SessionResult result = train(new BlobsModel(), new TailBlobsModel());

    String error = result.models().get(0).error();
    assertTrue(error.startsWith("blobs: "), error);
    assertTrained(result.models().get(1), "tail-blobs");
    assertEquals(List.of(error), result.errors());
  }

  @Test
  void aStaleReportWithoutAThresholdsMetricFailsThatModelOnly() throws Exception {
    train(new BlobsModel());
    Path metrics = project.resolve("target/deepbuild/blobs/metrics.json");
    ObjectNode report = (ObjectNode) new ObjectMapper().readTree(metrics.toFile());
    ((ObjectNode) report.get("metrics").get("test")).remove("accuracy");
    Files.writeString(metrics, report.toString());

    SessionResult result = train(new BlobsModel(), new TailBlobsModel());

    String error = result.models().get(0).error();
    assertTrue(error.startsWith("blobs: no test accuracy was measured"), error);
    assertTrained(result.models().get(1), "tail-blobs");
  }
}

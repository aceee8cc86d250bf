package dev.deepbuild.runtime.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
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
}

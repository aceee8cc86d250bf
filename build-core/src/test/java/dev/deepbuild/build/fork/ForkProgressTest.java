package dev.deepbuild.build.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a fork that stopped without its result leaves the build to report. */
class ForkProgressTest {
  @TempDir Path dir;
  private final List<String> log = new ArrayList<>();

  @Test
  void aForkStoppedInAModelFailsItAndNamesItForTheModelsAfter() {
    Path file = dir.resolve("progress.json");
    ForkProgress progress = new ForkProgress(file, log::add);
    progress.begin(List.of("a", "b", "c"));
    progress.started("a");
    progress.finished(new ModelOutcome("a", null, "a: broken input", List.of()));
    progress.started("b");

    SessionResult result = ForkProgress.read(file).orElseThrow().stopped("The training JVM was stopped");

    assertNull(result.error());
    assertEquals(List.of("a: broken input", "b: the training JVM was stopped",
        "c: not reached, because the training JVM stopped in b"), result.errors());
    assertEquals(List.of(), log);
  }

  @Test
  void aForkOfOneJvmPerModelStoppedInAModelLeavesTheModelsAfterItToTheNext() {
    ForkProgress progress = new ForkProgress(dir.resolve("progress.json"), log::add);
    progress.begin(List.of("a", "b", "c", "d"));
    progress.started("a");
    progress.finished(new ModelOutcome("a", null, "a: broken input", List.of()));
    progress.started("b");

    SessionResult result = progress.snapshot().stoppedLeavingTheRest("The training JVM was stopped");

    assertNull(result.error());
    assertEquals(List.of("a: broken input", "b: the training JVM was stopped"), result.errors());
    assertEquals(List.of("c", "d"), result.left());
  }

  @Test
  void aForkOfOneJvmPerModelStoppedBetweenModelsLeavesNothing() {
    ForkProgress progress = new ForkProgress(dir.resolve("progress.json"), log::add);
    progress.begin(List.of("a", "b"));

    SessionResult result = progress.snapshot().stoppedLeavingTheRest("The training JVM was stopped");

    assertEquals("The training JVM was stopped", result.error());
    assertEquals(List.of(), result.left());
    assertEquals("b: not reached, because the training JVM stopped", result.errors().get(2));
  }

  @Test
  void aForkStoppedBetweenModelsIsAnErrorOfTheSession() {
    ForkProgress progress = new ForkProgress(dir.resolve("progress.json"), log::add);
    progress.begin(List.of("a", "b"));
    progress.started("a");
    progress.finished(new ModelOutcome("a", null, "a: broken input", List.of()));

    SessionResult result = progress.snapshot().stopped("The training JVM was stopped");

    assertEquals("The training JVM was stopped", result.error());
    assertEquals(List.of("The training JVM was stopped", "a: broken input",
        "b: not reached, because the training JVM stopped"), result.errors());
  }

  @Test
  void progressThatCannotBeKeptIsLoggedAndTrainingGoesOn() {
    // A folder where the file should go: as good as a full disk.
    ForkProgress progress = new ForkProgress(dir, log::add);
    progress.begin(List.of("a"));

    assertEquals(1, log.size());
    assertTrue(log.get(0).startsWith("Cannot keep the training progress, so a crash would lose it: "),
        log.get(0));
  }

  @Test
  void noProgressFileMeansTheForkNeverStartedTraining() {
    assertTrue(ForkProgress.read(dir.resolve("progress.json")).isEmpty());
  }
}

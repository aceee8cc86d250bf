package dev.deepbuild.runtime.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkLauncher;
import dev.deepbuild.build.fork.ForkOptions;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.runtime.model.ModelIndex;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real training JVMs that fail in the middle of a build: a model that throws, one that exhausts
 * the heap, one that never ends. Each build ends promptly with an error naming the model, and the
 * other models keep their results. The failing models are indexed for these forks only, in a
 * folder of their own ahead of the test class path.
 */
class ForkCrashTest {
  @TempDir Path project;
  private final List<String> lines = Collections.synchronizedList(new ArrayList<>());

  @Test
  void aModelThatThrowsFailsAloneWithItsStackTraceInTheLog() throws Exception {
    // A machine whose default charset is not UTF-8, as on Windows. The timeout only stops a fork
    // that the crashing model's lingering thread would keep alive.
    SessionResult result = run(List.of("-Xmx1g", "-Dfile.encoding=ISO-8859-1",
        "-Dsun.stdout.encoding=ISO-8859-1", "-Dsun.stderr.encoding=ISO-8859-1"), Duration.ofSeconds(120),
        "blobs", "crashing", "tail-blobs");

    assertPassed(result.models().get(0), "blobs");
    ModelOutcome crashing = result.models().get(1);
    assertEquals("crashing: training crashed with java.lang.IllegalStateException: "
        + CrashingModel.MESSAGE + " (its stack trace is in the log above)", crashing.error());
    assertPassed(result.models().get(2), "tail-blobs");
    assertEquals(List.of(crashing.error()), result.errors());
    assertTrue(lines.contains("crashing crashed:"), log());
    assertTrue(lines.contains("java.lang.IllegalStateException: " + CrashingModel.MESSAGE), log());
    assertTrue(lines.stream().anyMatch(line -> line.strip()
        .startsWith("at " + CrashingModel.class.getName() + ".network(")), log());
  }

  @Test
  void anExhaustedHeapEndsTheForkAndKeepsTheModelsBeforeIt() throws Exception {
    long start = System.nanoTime();
    SessionResult result = run(List.of("-Xmx128m"), Duration.ZERO, "blobs", "hogging", "tail-blobs");

    assertPassed(result.models().get(0), "blobs");
    assertEquals("hogging: the training JVM crashed with java.lang.OutOfMemoryError: Java heap space"
        + " (its stack trace is in the log above)", result.models().get(1).error());
    assertEquals("tail-blobs: not reached, because the training JVM stopped in hogging",
        result.models().get(2).error());
    assertTrue(lines.contains("hogging crashed:"), log());
    assertTrue(lines.stream().anyMatch(line -> line.strip()
        .startsWith("at " + HoggingModel.class.getName() + ".network(")), log());
    assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 120, "the fork did not end promptly");
  }

  @Test
  void aJvmKilledByItsHeapLeavesTheResultsOfTheModelsBeforeIt() throws Exception {
    SessionResult result = run(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"), Duration.ZERO,
        "blobs", "hogging", "tail-blobs");

    assertPassed(result.models().get(0), "blobs");
    String error = result.models().get(1).error();
    assertTrue(error.startsWith("hogging: the training JVM exited with code 3 without reporting a result"),
        error);
    assertTrue(error.contains("Its command line was: ") && error.contains("java.args"), error);
    assertEquals("tail-blobs: not reached, because the training JVM stopped in hogging",
        result.models().get(2).error());
  }

  @Test
  void withAJvmPerModelAJvmKilledByItsHeapEndsItsModelOnly() throws Exception {
    SessionResult result = run(List.of("-Xmx128m", "-XX:+ExitOnOutOfMemoryError"), Duration.ZERO, true,
        "blobs", "hogging", "tail-blobs");

    assertPassed(result.models().get(0), "blobs");
    String error = result.models().get(1).error();
    assertTrue(error.startsWith("hogging: the training JVM exited with code 3 without reporting a result"),
        error);
    assertPassed(result.models().get(2), "tail-blobs");
    assertEquals(List.of(error), result.errors());
    assertTrue(lines.contains(
        "A new training JVM for hogging and the 1 model after it (one JVM per model trained)"), log());
    assertTrue(lines.contains("A new training JVM for tail-blobs (one JVM per model trained)"), log());
  }

  @Test
  void aForkThatNeverEndsIsKilledAtItsTimeout() throws Exception {
    Duration timeout = Duration.ofSeconds(25);
    long start = System.nanoTime();
    SessionResult result = run(List.of("-Xmx1g"), timeout, "blobs", "endless-blobs");
    Duration took = Duration.ofNanos(System.nanoTime() - start);

    assertPassed(result.models().get(0), "blobs");
    String error = result.models().get(1).error();
    assertTrue(error.startsWith("endless-blobs: the training JVM ran longer than its timeout of 25 s"
        + " (forkedProcessTimeoutInSeconds) and was stopped. Its command line was: "),
        error + "\n" + log());
    assertTrue(error.contains("java.args"), error);
    assertTrue(lines.stream().anyMatch(line -> line.startsWith("endless-blobs: epoch")), log());
    assertTrue(took.compareTo(timeout.plusSeconds(15)) < 0, "took " + took);
  }

  private SessionResult run(List<String> jvmArguments, Duration timeout, String... models)
      throws Exception {
    return run(jvmArguments, timeout, false, models);
  }

  private SessionResult run(List<String> jvmArguments, Duration timeout, boolean jvmPerModel,
      String... models) throws Exception {
    Path index = project.resolve("index");
    Files.createDirectories(index.resolve(ModelIndex.RESOURCE).getParent());
    Files.writeString(index.resolve(ModelIndex.RESOURCE), Stream.of(CrashingModel.class,
        HoggingModel.class, TailBlobsModel.class).map(Class::getName).reduce("", (a, b) -> a + b + "\n"));
    List<Path> classpath = new ArrayList<>(List.of(index));
    Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).forEach(classpath::add);
    Path output = project.resolve("target/deepbuild");
    ForkRequest request = new ForkRequest(ForkGoal.TRAIN, project, output, List.of(models), false,
        output.resolve("fork/result.json")).withJvmPerModel(jvmPerModel);
    return new ForkLauncher(new ForkOptions(Path.of(System.getProperty("java.home"), "bin", "java"),
        jvmArguments, classpath, Map.of("OMP_NUM_THREADS", "1"), project, timeout))
        .run(request, output.resolve("fork"), lines::add, lines::add);
  }

  private void assertPassed(ModelOutcome outcome, String model) {
    assertEquals(model, outcome.model());
    assertNull(outcome.error(), outcome.error());
    assertFalse(outcome.checks().isEmpty());
    assertTrue(outcome.checks().get(0).passed(), outcome.checks().get(0).message());
    assertTrue(Files.isRegularFile(project.resolve("target/deepbuild/" + model + "/model.zip")));
  }

  private String log() {
    return String.join("\n", lines);
  }
}

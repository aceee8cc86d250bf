package dev.deepbuild.runtime.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkLauncher;
import dev.deepbuild.build.fork.ForkOptions;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Starts real training JVMs with this test's class path, where {@link BlobsModel} is indexed. */
class ForkLauncherTest {
  @TempDir Path project;

  @Test
  void forkTrainsChecksAndReportsBack() {
    List<String> out = new ArrayList<>();
    SessionResult result = launcher(testClasspath()).run(request(List.of("blobs")),
        project.resolve("target/deepbuild/fork"), out::add, out::add);

    assertNull(result.error());
    ModelOutcome blobs = result.models().get(0);
    assertEquals("blobs", blobs.model());
    assertNull(blobs.error());
    assertTrue(blobs.report().metric(DataSplit.TEST, Metric.ACCURACY).getAsDouble() >= 0.9);
    assertEquals(1, blobs.checks().size());
    assertTrue(blobs.checks().get(0).passed(), blobs.checks().get(0).message());
    assertTrue(out.stream().anyMatch(line -> line.startsWith("blobs: epoch 5/5")), String.join("\n", out));
    assertTrue(Files.isRegularFile(project.resolve("target/deepbuild/blobs/model.zip")));
  }

  @Test
  void twoForksWithTheSameInputsAndSeedReportIdenticalMetrics() {
    SessionResult first = launcher(testClasspath()).run(request(List.of("blobs")),
        project.resolve("target/deepbuild/fork"), line -> {}, line -> {});
    // Forced: the second fork would otherwise reuse the first one's up-to-date model.
    SessionResult second = launcher(testClasspath()).run(request(List.of("blobs")).withForce(true),
        project.resolve("target/deepbuild/fork"), line -> {}, line -> {});

    assertFalse(second.models().get(0).upToDate());
    assertEquals(first.models().get(0).report().metrics(), second.models().get(0).report().metrics());
    assertEquals(first.models().get(0).report().history(), second.models().get(0).report().history());
  }

  @Test
  void unknownModelNameIsReportedWithTheKnownOnes() {
    SessionResult result = launcher(testClasspath()).run(request(List.of("blob")),
        project.resolve("target/deepbuild/fork"), line -> {}, line -> {});

    assertEquals(List.of("No model is named 'blob'; the models of this build are blobs, endless-blobs. "
        + "Fix -Ddl.models (or <models> in the plugin's configuration)"), result.errors());
  }

  @Test
  void forkThatDiesWithoutResultIsACrashNamingItsCommand() {
    List<String> err = new ArrayList<>();
    DeepBuildException crash = assertThrows(DeepBuildException.class,
        () -> launcher(List.of()).run(request(List.of()), project.resolve("target/deepbuild/fork"),
            line -> {}, err::add));

    assertTrue(crash.getMessage().startsWith("The training JVM exited with code 1 without reporting"),
        crash.getMessage());
    assertTrue(crash.getMessage().contains("java.args"), crash.getMessage());
    assertTrue(err.stream().anyMatch(line -> line.contains(ForkMain.class.getName())), String.join("\n", err));
  }

  private ForkRequest request(List<String> models) {
    Path output = project.resolve("target/deepbuild");
    return new ForkRequest(ForkGoal.TRAIN, project, output, models, false, output.resolve("fork/result.json"));
  }

  private ForkLauncher launcher(List<Path> classpath) {
    return new ForkLauncher(new ForkOptions(
        Path.of(System.getProperty("java.home"), "bin", "java"), List.of("-Xmx1g"), classpath,
        Map.of("OMP_NUM_THREADS", "1"), project));
  }

  private static List<Path> testClasspath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of).toList();
  }
}

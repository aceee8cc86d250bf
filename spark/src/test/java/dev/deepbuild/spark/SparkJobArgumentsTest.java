package dev.deepbuild.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkRequest;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What {@code spark-submit ... job.jar [model...] --output DIR} asks the training session for. */
class SparkJobArgumentsTest {
  private static final Path HERE = Path.of("/work/project");

  @Test
  void modelsAndFoldersBecomeTheTrainingRequest() {
    ForkRequest request = SparkJob.Arguments.parse(
        new String[] {"iris", "--output", "out", "wine", "--force", "--base-dir", "/data/p"}, HERE)
        .request();
    assertEquals(ForkGoal.TRAIN, request.goal());
    assertEquals(List.of("iris", "wine"), request.models());
    assertEquals(HERE.resolve("out"), request.outputRoot());
    assertEquals(Path.of("/data/p"), request.baseDir());
    assertTrue(request.force());
    assertEquals(HERE.resolve("out/fork/result.json"), request.resultFile());
    assertEquals(Path.of("/data/p/src/deepbuild/accepted-metrics.json"), request.acceptedMetricsFile());
  }

  @Test
  void everyModelInTheWorkingDirectoryByDefault() {
    SparkJob.Arguments arguments = SparkJob.Arguments.parse(new String[] {"--output", "/r"}, HERE);
    assertEquals(List.of(), arguments.models());
    assertEquals(HERE, arguments.baseDir());
    assertFalse(arguments.force());
  }

  @Test
  void aMissingOutputIsAnErrorWithTheUsage() {
    DeepBuildException e = assertThrows(DeepBuildException.class,
        () -> SparkJob.Arguments.parse(new String[] {"iris"}, HERE));
    assertTrue(e.getMessage().startsWith("--output DIR is missing"), e.getMessage());
    assertThrows(DeepBuildException.class,
        () -> SparkJob.Arguments.parse(new String[] {"--output"}, HERE));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int status = SparkJob.run(new String[] {"--outptu", "x"}, System.out,
        new PrintStream(err, true, StandardCharsets.UTF_8));
    assertEquals(SparkJob.ERROR, status);
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("Unknown option --outptu"));
    assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: spark-submit --class"
        + " dev.deepbuild.spark.SparkJob"));
  }
}

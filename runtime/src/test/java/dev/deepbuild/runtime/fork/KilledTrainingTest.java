package dev.deepbuild.runtime.fork;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkJson;
import dev.deepbuild.build.fork.ForkRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A training JVM killed while it writes checkpoints leaves complete checkpoints behind: each is
 * written to a temporary file and moved into place, so no kill can tear one.
 */
class KilledTrainingTest {
  @TempDir Path project;

  @Test
  void checkpointsSurviveAKilledTrainingProcess() throws Exception {
    Path output = project.resolve("target/deepbuild");
    Path request = project.resolve("request.json");
    ForkJson.write(request, new ForkRequest(ForkGoal.TRAIN, project, output,
        List.of("endless-blobs"), false, output.resolve("fork/result.json")));
    Process fork = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp", System.getProperty("java.class.path"), ForkMain.class.getName(), request.toString())
        .redirectErrorStream(true).redirectOutput(project.resolve("fork.log").toFile())
        .start();
    Path checkpoints = output.resolve("endless-blobs/checkpoints");
    try {
      waitForRewrites(checkpoints.resolve("last.zip"), 3, fork);
    } finally {
      fork.destroyForcibly().waitFor();
    }

    assertNotNull(ModelSerializer.restoreMultiLayerNetwork(checkpoints.resolve("last.zip").toFile()));
    assertNotNull(ModelSerializer.restoreMultiLayerNetwork(checkpoints.resolve("best.zip").toFile()));
    try (Stream<Path> files = Files.list(checkpoints)) {
      // Only a hidden temporary file of the interrupted write may remain beside them.
      assertEquals(List.of("best.zip", "last.zip"), files.map(f -> f.getFileName().toString())
          .filter(name -> !name.startsWith(".")).sorted().toList());
    }
    assertTrue(Files.notExists(output.resolve("endless-blobs/model.zip")));
  }

  /** Waits until {@code file} has been written {@code times} times, so the kill lands mid-run. */
  private static void waitForRewrites(Path file, int times, Process fork) throws Exception {
    FileTime last = null;
    int seen = 0;
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (seen < times) {
      assertTrue(fork.isAlive(), "the training JVM ended on its own; see its log");
      assertTrue(System.nanoTime() < deadline, "no checkpoint was written within a minute");
      if (Files.exists(file)) {
        FileTime modified = Files.getLastModifiedTime(file);
        if (!modified.equals(last)) {
          last = modified;
          seen++;
        }
      }
      Thread.sleep(5);
    }
  }
}

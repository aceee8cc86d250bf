package dev.deepbuild.runtime.datasets.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner behind {@code npm config get registry}, tried with the one program sure to be here. */
class ProcessCommandRunnerTest {
  private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dir;
  private final CommandRunner processes = CommandRunner.processes();

  @Test
  void returnsStandardOutput() {
    // --version, unlike -version, prints to standard output.
    Optional<String> output = processes.output(List.of(JAVA, "--version"), dir, TIMEOUT);

    assertTrue(output.isPresent());
    assertTrue(output.get().contains(String.valueOf(Runtime.version().feature())), output.get());
  }

  @Test
  void nothingForAMissingProgramOrAFailure() {
    assertEquals(Optional.empty(),
        processes.output(List.of("deepbuild-no-such-program-" + System.nanoTime()), dir, TIMEOUT));
    assertEquals(Optional.empty(), processes.output(List.of(JAVA, "--no-such-option"), dir, TIMEOUT));
  }

  @Test
  void nothingForAProgramThatOutlivesTheTimeout() throws IOException {
    Path sleeper = Files.writeString(dir.resolve("Sleep.java"),
        "class Sleep { public static void main(String[] a) throws Exception {"
            + " System.out.println(\"awake\"); Thread.sleep(60_000); } }");

    long start = System.nanoTime();
    Optional<String> output =
        processes.output(List.of(JAVA, sleeper.toString()), dir, Duration.ofMillis(300));

    assertEquals(Optional.empty(), output);
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(20).toNanos());
  }
}

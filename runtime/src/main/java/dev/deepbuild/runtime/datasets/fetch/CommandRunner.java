package dev.deepbuild.runtime.datasets.fetch;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Runs a command and returns what it printed; a seam so tests need no npm installed. */
@FunctionalInterface
public interface CommandRunner {
  /**
   * Runs {@code command} in {@code directory} and returns its standard output when it exits with 0
   * within {@code timeout}; empty when it cannot start (not installed), fails or takes too long.
   */
  Optional<String> output(List<String> command, Path directory, Duration timeout);

  /** Runs real processes; one still running at the timeout is killed. */
  static CommandRunner processes() {
    return new ProcessCommandRunner();
  }
}

package dev.deepbuild.build.fork;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start the training JVM.
 *
 * @param javaExecutable the {@code java} launcher
 * @param jvmArguments extra JVM options, such as {@code -Xmx4g}
 * @param classpath the project's runtime class path, its own classes first
 * @param environment variables added to the inherited environment, such as {@code OMP_NUM_THREADS}
 * @param workingDirectory the fork's working directory, the project's base directory
 * @param timeout how long the fork may run before it is killed; zero for no limit
 */
public record ForkOptions(
    Path javaExecutable,
    List<String> jvmArguments,
    List<Path> classpath,
    Map<String, String> environment,
    Path workingDirectory,
    Duration timeout) {

  public ForkOptions {
    jvmArguments = List.copyOf(jvmArguments);
    classpath = List.copyOf(classpath);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isNegative()) {
      throw new IllegalArgumentException("timeout " + timeout + " is negative");
    }
  }

  /** Options without a timeout. */
  public ForkOptions(Path javaExecutable, List<String> jvmArguments, List<Path> classpath,
      Map<String, String> environment, Path workingDirectory) {
    this(javaExecutable, jvmArguments, classpath, environment, workingDirectory, Duration.ZERO);
  }
}

package dev.deepbuild.build.fork;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.build.result.SessionResult;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * Starts the training JVM for a {@link ForkRequest} and waits for its result, forwarding its output
 * line by line. The request, and the class path in a Java argument file, are written to a folder of
 * their own, so a crashed fork can be started again by hand with the command it reports. A fork
 * that runs past its timeout is killed with whatever it started; a fork that dies without its
 * result still gives back, from its progress file, the models it finished. Asked for one JVM per
 * model, it starts a fork for each model that trains, as Surefire does with {@code
 * reuseForks=false}.
 */
public final class ForkLauncher {
  /**
   * The forked JVM's main class, by name: it lives with the training code, which the build's JVM
   * does not load.
   */
  public static final String MAIN_CLASS = "dev.deepbuild.runtime.fork.ForkMain";
  /** How long the output is still forwarded once the fork has ended. */
  private static final long PUMP_GRACE_MILLIS = 5_000;

  private final ForkOptions options;

  public ForkLauncher(ForkOptions options) {
    this.options = options;
  }

  /**
   * Runs the fork to its end, or stops it at the options' timeout; for a request of {@link
   * ForkRequest#jvmPerModel one JVM per model}, one fork after another, each with the models the
   * one before it left and a timeout of its own.
   *
   * @param forkDirectory where the request and argument files are written
   * @param out receives the fork's standard output
   * @param err receives the fork's standard error
   * @return the forks' result; when one died without its result after it started training, the
   *     outcomes of the models it finished, the one it died in failed with the reason and the
   *     command line, and the ones after it not reached (or, one JVM per model, left to the next)
   * @throws DeepBuildException if the first fork cannot start, or dies without a result before
   *     training
   */
  public SessionResult run(ForkRequest request, Path forkDirectory, TrainingLog out, TrainingLog err) {
    SessionResult result = runOne(request, forkDirectory, out, err);
    while (!result.left().isEmpty()) {
      List<String> left = result.left();
      int after = left.size() - 1;
      out.info("A new training JVM for " + left.get(0) + (after == 0 ? ""
          : " and the " + after + (after == 1 ? " model" : " models") + " after it")
          + " (one JVM per model trained)");
      SessionResult next;
      try {
        next = runOne(request.withModels(left), forkDirectory, out, err);
      } catch (DeepBuildException e) {
        next = new ForkProgress.Snapshot(left, List.of(), null).stopped(e.getMessage());
      }
      result = result.followedBy(next);
    }
    return result;
  }

  /** Runs one fork to its end, or stops it at the options' timeout. */
  private SessionResult runOne(ForkRequest request, Path forkDirectory, TrainingLog out,
      TrainingLog err) {
    Path requestFile = forkDirectory.resolve("request.json");
    Path argumentFile = forkDirectory.resolve("java.args");
    Path progressFile = ForkProgress.fileOf(request);
    try {
      Files.createDirectories(forkDirectory);
      Files.deleteIfExists(request.resultFile());
      Files.deleteIfExists(progressFile);
      ForkJson.write(requestFile, request);
      String arguments = argumentFileText(requestFile);
      AtomicFiles.write(argumentFile, temporary -> Files.writeString(temporary, arguments));
    } catch (IOException e) {
      throw new DeepBuildException("Cannot prepare the training JVM in " + forkDirectory + ": " + e, e);
    }

    List<String> command = List.of(options.javaExecutable().toString(), "@" + argumentFile);
    ProcessBuilder builder = new ProcessBuilder(command).directory(options.workingDirectory().toFile());
    builder.environment().putAll(options.environment());
    String ending = runToEnd(builder, out, err);

    if (Files.isRegularFile(request.resultFile())) {
      return ForkJson.read(request.resultFile(), SessionResult.class);
    }
    String why = ending + ". Its command line was: " + String.join(" ", command)
        + " (in " + options.workingDirectory() + ")";
    return ForkProgress.read(progressFile)
        .map(progress -> request.jvmPerModel()
            ? progress.stoppedLeavingTheRest(why) : progress.stopped(why))
        .orElseThrow(() -> new DeepBuildException(why));
  }

  /** Runs the process to its end or its timeout; how it ended, when it left no result. */
  private String runToEnd(ProcessBuilder builder, TrainingLog out, TrainingLog err) {
    Process process;
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new DeepBuildException("Cannot start the training JVM " + builder.command() + ": "
          + e.getMessage() + "; check the plugin's javaExecutable", e);
    }
    Thread outPump = pump(process.getInputStream(), out, "deepbuild-fork-out");
    Thread errPump = pump(process.getErrorStream(), err, "deepbuild-fork-err");
    try {
      // The fork's standard input stays open until it ends: its end tells the fork the build died.
      String ending;
      if (waitFor(process)) {
        ending = "The training JVM exited with code " + process.exitValue()
            + " without reporting a result (see its output above)";
      } else {
        stop(process);
        ending = "The training JVM ran longer than its timeout of " + options.timeout().toSeconds()
            + " s (forkedProcessTimeoutInSeconds) and was stopped";
      }
      // A grandchild holding the pipes open must not keep the build waiting.
      outPump.join(PUMP_GRACE_MILLIS);
      errPump.join(PUMP_GRACE_MILLIS);
      return ending;
    } catch (InterruptedException e) {
      stop(process);
      Thread.currentThread().interrupt();
      throw new DeepBuildException("Interrupted while the training JVM ran; it was stopped", e);
    } finally {
      try {
        process.getOutputStream().close();
      } catch (IOException ignored) {
        // The process has ended; nothing reads its input any more.
      }
    }
  }

  /** Whether the process ended by itself, before the timeout if there is one. */
  private boolean waitFor(Process process) throws InterruptedException {
    if (options.timeout().isZero()) {
      process.waitFor();
      return true;
    }
    return process.waitFor(options.timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Kills the process and whatever it started, and waits for it to be gone. */
  private static void stop(Process process) {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
    try {
      process.waitFor(PUMP_GRACE_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Thread pump(InputStream stream, TrainingLog sink, String name) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
        reader.lines().forEach(sink::info);
      } catch (IOException | UncheckedIOException ignored) {
        // The stream closes when the process ends.
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /**
   * A Java argument file: options, class path and main class, each quoted for spaces. The fork
   * writes its output in UTF-8 (as it also ensures itself), which is how the build reads it.
   */
  private String argumentFileText(Path requestFile) {
    List<String> arguments = new ArrayList<>(options.jvmArguments());
    arguments.add("-Dstdout.encoding=UTF-8");
    arguments.add("-Dstderr.encoding=UTF-8");
    arguments.add("-cp");
    arguments.add(options.classpath().stream().map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator)));
    arguments.add(MAIN_CLASS);
    arguments.add(requestFile.toString());
    return arguments.stream().map(ForkLauncher::quote).collect(Collectors.joining("\n", "", "\n"));
  }

  private static String quote(String argument) {
    return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}

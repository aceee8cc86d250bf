package dev.deepbuild.runtime.fork;

import dev.deepbuild.runtime.DeepBuildException;
import dev.deepbuild.runtime.io.AtomicFiles;
import dev.deepbuild.runtime.session.SessionResult;
import dev.deepbuild.runtime.train.TrainingLog;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Starts the training JVM for a {@link ForkRequest} and waits for its result, forwarding its output
 * line by line. The request, and the class path in a Java argument file, are written to a folder of
 * their own, so a crashed fork can be started again by hand with the command it reports.
 */
public final class ForkLauncher {
  private final ForkOptions options;

  public ForkLauncher(ForkOptions options) {
    this.options = options;
  }

  /**
   * Runs the fork to its end.
   *
   * @param forkDirectory where the request and argument files are written
   * @param out receives the fork's standard output
   * @param err receives the fork's standard error
   * @throws DeepBuildException if the fork cannot start or exits without writing its result
   */
  public SessionResult run(ForkRequest request, Path forkDirectory, TrainingLog out, TrainingLog err) {
    Path requestFile = forkDirectory.resolve("request.json");
    Path argumentFile = forkDirectory.resolve("java.args");
    try {
      Files.createDirectories(forkDirectory);
      Files.deleteIfExists(request.resultFile());
      ForkJson.write(requestFile, request);
      String arguments = argumentFileText(requestFile);
      AtomicFiles.write(argumentFile, temporary -> Files.writeString(temporary, arguments));
    } catch (IOException e) {
      throw new DeepBuildException("Cannot prepare the training JVM in " + forkDirectory + ": " + e, e);
    }

    List<String> command = List.of(options.javaExecutable().toString(), "@" + argumentFile);
    ProcessBuilder builder = new ProcessBuilder(command).directory(options.workingDirectory().toFile());
    builder.environment().putAll(options.environment());
    int exitCode = runToEnd(builder, out, err);

    if (!Files.isRegularFile(request.resultFile())) {
      throw new DeepBuildException("The training JVM exited with code " + exitCode
          + " without reporting a result (see its output above). Its command line was: "
          + String.join(" ", command) + " (in " + options.workingDirectory() + ")");
    }
    return ForkJson.read(request.resultFile(), SessionResult.class);
  }

  private static int runToEnd(ProcessBuilder builder, TrainingLog out, TrainingLog err) {
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
      int exitCode = process.waitFor();
      outPump.join();
      errPump.join();
      return exitCode;
    } catch (InterruptedException e) {
      process.destroyForcibly();
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

  private static Thread pump(InputStream stream, TrainingLog sink, String name) {
    Thread thread = new Thread(() -> {
      try (BufferedReader reader =
          new BufferedReader(new InputStreamReader(stream, Charset.defaultCharset()))) {
        reader.lines().forEach(sink::info);
      } catch (IOException | UncheckedIOException ignored) {
        // The stream closes when the process ends.
      }
    }, name);
    thread.setDaemon(true);
    thread.start();
    return thread;
  }

  /** A Java argument file: options, class path and main class, each quoted for spaces. */
  private String argumentFileText(Path requestFile) {
    List<String> arguments = new ArrayList<>(options.jvmArguments());
    arguments.add("-cp");
    arguments.add(options.classpath().stream().map(Path::toString)
        .collect(Collectors.joining(File.pathSeparator)));
    arguments.add(ForkMain.class.getName());
    arguments.add(requestFile.toString());
    return arguments.stream().map(ForkLauncher::quote).collect(Collectors.joining("\n", "", "\n"));
  }

  private static String quote(String argument) {
    return '"' + argument.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
  }
}

package dev.deepbuild.runtime.fork;

import dev.deepbuild.runtime.DeepBuildException;
import dev.deepbuild.runtime.session.SessionResult;
import dev.deepbuild.runtime.session.TrainingSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * The main class of the forked training JVM, as Surefire's booter: it reads its {@link ForkRequest}
 * from the file named by its one argument, trains, and writes a
 * {@link SessionResult} to the request's result file. Writing that file is its goodbye: a fork that
 * exits without it has crashed. Progress goes to standard output, one line at a time.
 */
public final class ForkMain {
  private ForkMain() {}

  public static void main(String[] args) {
    if (args.length != 1) {
      System.err.println("usage: ForkMain <request.json>");
      System.exit(2);
    }
    exitWithParent(System.in);
    ForkRequest request = ForkJson.read(Path.of(args[0]), ForkRequest.class);
    SessionResult result;
    try {
      result = new TrainingSession(request.baseDir(), request.outputRoot(),
          Thread.currentThread().getContextClassLoader(), System.out::println)
          .run(request.models());
    } catch (DeepBuildException e) {
      result = SessionResult.failed(e.getMessage());
    }
    ForkJson.write(request.resultFile(), result);
    System.out.flush();
    // DL4J leaves non-daemon threads behind; the result is written, so leave at once.
    System.exit(0);
  }

  /**
   * The build keeps the fork's standard input open while it waits; its end means the build died, so
   * the fork must not train on as an orphan.
   */
  private static void exitWithParent(InputStream parent) {
    Thread watcher = new Thread(() -> {
      try {
        while (parent.read() != -1) {
          // The build sends nothing; reading only detects the end of the stream.
        }
      } catch (IOException ignored) {
        // A broken pipe means the same as its end.
      }
      Runtime.getRuntime().halt(3);
    }, "deepbuild-parent-watcher");
    watcher.setDaemon(true);
    watcher.start();
  }
}

package dev.deepbuild.runtime.fork;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.fork.ForkJson;
import dev.deepbuild.build.fork.ForkProgress;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.io.AcceptedMetricsJson;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.runtime.gate.RuleValidation;
import dev.deepbuild.runtime.gate.ThresholdOverrides;
import dev.deepbuild.runtime.inspect.EvaluationSession;
import dev.deepbuild.runtime.inspect.SummarySession;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelIndex;
import dev.deepbuild.runtime.model.ModelSelection;
import dev.deepbuild.runtime.predict.CommandLinePrediction;
import dev.deepbuild.runtime.session.AcceptSession;
import dev.deepbuild.runtime.session.Crash;
import dev.deepbuild.runtime.session.TrainingSession;
import dev.deepbuild.runtime.train.ComputeSettings;
import dev.deepbuild.build.TrainingLog;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The main class of the forked JVM, as Surefire's booter: it reads its {@link ForkRequest} from
 * the file named by its one argument, does the request's goal, and writes a {@link SessionResult}
 * to the request's result file. Writing that file is its goodbye: a fork that exits without it has
 * crashed. Progress goes to standard output, one line at a time, in UTF-8 as the build reads it.
 * Whatever happens, the fork exits.
 */
public final class ForkMain {
  private ForkMain() {}

  public static void main(String[] args) {
    int status = 1;
    try {
      status = answer(args);
    } catch (Throwable e) {
      // Not even a result could be written; the build falls back on the progress file.
      e.printStackTrace();
    } finally {
      System.out.flush();
      System.err.flush();
      // DL4J leaves non-daemon threads behind; without this the JVM could outlive its work.
      System.exit(status);
    }
  }

  /** Answers the request named by {@code args}; the exit status. */
  private static int answer(String[] args) {
    useUtf8Output();
    if (args.length != 1) {
      System.err.println("usage: ForkMain <request.json>");
      return 2;
    }
    exitWithParent(System.in);
    ForkRequest request = ForkJson.read(Path.of(args[0]), ForkRequest.class);
    SessionResult result = answer(request, Thread.currentThread().getContextClassLoader(),
        System.out::println);
    ForkJson.write(request.resultFile(), result);
    return 0;
  }

  /**
   * Answers {@code request} as the training JVM does, whoever started this JVM (the plugin, or
   * {@code spark-submit} through the Spark job): checks that ND4J loaded the backend the system
   * properties name, does the goal with its progress in the request's folder, and turns a foreseen
   * problem, or a crash outside any one model, into the result, keeping what finished before it.
   */
  public static SessionResult answer(ForkRequest request, ClassLoader loader, TrainingLog log) {
    ForkProgress progress = new ForkProgress(ForkProgress.fileOf(request), log);
    try {
      BackendCheck.verify(ComputeSettings.current());
      return run(request, loader, log, progress);
    } catch (DeepBuildException e) {
      // Foreseen and worded for the user, such as a model name that does not exist.
      return progress.snapshot().stopped(e.getMessage());
    } catch (Throwable e) {
      // An exhausted heap, or a bug outside any one model: what finished before it still counts.
      ForkProgress.Snapshot done = progress.snapshot();
      Crash.log(done.running() == null ? "The training JVM" : done.running(), e, System.err::println);
      return done.stopped("The training JVM " + Crash.describe(e));
    }
  }

  /** Does what the request asks, keeping the training's progress in the request's folder. */
  static SessionResult run(ForkRequest request, ClassLoader loader, TrainingLog log) {
    return run(request, loader, log, new ForkProgress(ForkProgress.fileOf(request), log));
  }

  /**
   * Does what the request asks. The build's rules are checked against its models first, so a
   * broken rule fails the build before any model trains.
   *
   * @throws DeepBuildException when the rules or the selection do not fit the build's models
   */
  static SessionResult run(ForkRequest request, ClassLoader loader, TrainingLog log, ForkProgress progress) {
    Map<String, ModelDefinition> models = ModelIndex.load(loader, request.classesDirectory());
    RuleValidation.check(request.rules(), models);
    List<ModelDefinition> selected = ModelSelection.select(models, request.models());
    Map<String, ThresholdOverrides.Applied> thresholds = new LinkedHashMap<>();
    for (ModelDefinition model : selected) {
      ThresholdOverrides.Applied applied = ThresholdOverrides.apply(model.spec(), request.rules());
      applied.changes().forEach(log::info);
      thresholds.put(model.spec().name(), applied);
    }
    AcceptedMetrics accepted = accepted(request);
    return switch (request.goal()) {
      case TRAIN -> {
        progress.begin(selected.stream().map(model -> model.spec().name()).toList());
        yield Rechecked.of(new TrainingSession(request.baseDir(), request.outputRoot(), loader, log,
            accepted).train(selected, request.force(), progress, request.jvmPerModel()),
            thresholds, accepted);
      }
      case EVALUATE -> new EvaluationSession(request.baseDir(), request.outputRoot(),
          request.evaluationData(), loader, log)
          .run(selected, spec -> thresholds.get(spec.name()).thresholds(), accepted);
      case ACCEPT -> new AcceptSession(request.baseDir(), request.outputRoot(), loader, log)
          .run(selected, spec -> thresholds.get(spec.name()).thresholds(), accepted,
              request.acceptedMetricsFile());
      case SUMMARY -> new SummarySession(request.baseDir(), request.outputRoot(), loader, log)
          .run(selected);
      case PREDICT -> predict(request, selected, log);
    };
  }

  /**
   * Prints each selected model's predictions for the request's input, one line each, from the
   * model packaged into the class output or else the one training saved.
   *
   * @throws DeepBuildException for input the model cannot take, or a missing model file
   */
  private static SessionResult predict(ForkRequest request, List<ModelDefinition> selected,
      TrainingLog log) {
    List<ModelOutcome> outcomes = new ArrayList<>();
    for (ModelDefinition model : selected) {
      String name = model.spec().name();
      Path file = CommandLinePrediction.modelFile(request.classesDirectory(), request.outputRoot(), name);
      CommandLinePrediction.predict(file, name, request.input(), request.baseDir()).forEach(log::info);
      outcomes.add(new ModelOutcome(name, null, null, List.of()));
    }
    return SessionResult.of(outcomes);
  }

  /**
   * The accepted metrics, named in messages by their path in the project, as a user types it.
   *
   * @throws DeepBuildException when the file exists but cannot be read
   */
  private static AcceptedMetrics accepted(ForkRequest request) {
    Path file = request.acceptedMetricsFile().toAbsolutePath();
    Path baseDir = request.baseDir().toAbsolutePath();
    String source = (file.startsWith(baseDir) ? baseDir.relativize(file) : file).toString()
        .replace('\\', '/');
    try {
      return AcceptedMetricsJson.read(file, source);
    } catch (IOException e) {
      throw new DeepBuildException(e.getMessage(), e);
    }
  }

  /** The build reads the fork's output as UTF-8, whatever this machine's default charset. */
  private static void useUtf8Output() {
    System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8));
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

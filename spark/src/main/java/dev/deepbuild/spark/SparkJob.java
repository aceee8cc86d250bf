package dev.deepbuild.spark;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.fork.ForkGoal;
import dev.deepbuild.build.fork.ForkJson;
import dev.deepbuild.build.fork.ForkRequest;
import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.gate.GateLog;
import dev.deepbuild.build.io.AcceptedMetricsJson;
import dev.deepbuild.build.report.CurveComparison;
import dev.deepbuild.build.report.Reports;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.build.spark.Spark;
import dev.deepbuild.runtime.fork.ForkMain;
import dev.deepbuild.runtime.train.ComputeSettings;
import dev.deepbuild.runtime.train.TrainingBackends;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The entry point of the job jar that {@code dl:spark-jar} writes, for {@code spark-submit}:
 *
 * <pre>
 * spark-submit --master spark://host:7077 --class dev.deepbuild.spark.SparkJob \
 *   target/app-1.0-spark-job.jar [model...] --output DIR [--base-dir DIR] [--force]
 * </pre>
 *
 * It trains the jar's models (all, or those named) on the master {@code spark-submit} gives, as
 * {@code dl:train -Ddl.backend=spark} does: the training JVM's own session ({@link
 * ForkMain#answer}), with the same early stopping, checkpoints and {@code metrics.json}, then the
 * same reports and gate lines as the build. The data files resolve against the base directory
 * (the working directory by default), on the driver, which reads them. Exit status: 0 when every
 * model met its thresholds, 1 when one missed, 2 for an error (a broken input, a model that
 * failed, a wrong argument).
 */
public final class SparkJob {
  static final int PASSED = 0;
  static final int MISSED = 1;
  static final int ERROR = 2;
  private static final String USAGE = "usage: spark-submit --class " + Spark.JOB_MAIN_CLASS
      + " <job jar> [model...] --output DIR [--base-dir DIR] [--force]";

  private SparkJob() {}

  public static void main(String[] args) {
    int status = ERROR;
    try {
      status = run(args, System.out, System.err);
      SparkContexts.stopShared();
    } finally {
      System.out.flush();
      System.err.flush();
      // DL4J leaves non-daemon threads behind.
      System.exit(status);
    }
  }

  /** Trains as {@code args} ask; the exit status. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Arguments arguments;
    try {
      arguments = Arguments.parse(args, Path.of("").toAbsolutePath());
    } catch (DeepBuildException e) {
      err.println(e.getMessage());
      err.println(USAGE);
      return ERROR;
    }
    // What the plugin tells the training JVM: train on Spark, with ND4J's CPU backend.
    System.setProperty(TrainingBackends.PROPERTY, Spark.BACKEND);
    System.setProperty(ComputeSettings.BACKEND_PROPERTY, "cpu");
    System.setProperty(ComputeSettings.ND4J_BACKEND_PROPERTY, "CPU");
    ForkRequest request = arguments.request();
    try {
      Files.createDirectories(request.resultFile().getParent());
    } catch (IOException e) {
      err.println("Cannot create " + request.resultFile().getParent() + ": " + e);
      return ERROR;
    }
    SessionResult result = ForkMain.answer(request, Thread.currentThread().getContextClassLoader(),
        out::println);
    ForkJson.write(request.resultFile(), result);
    CurveComparison.lines(result).forEach(out::println);
    try {
      out.println("Reports: " + Reports.write(request.outputRoot(), result, accepted(request)));
    } catch (IOException e) {
      err.println("Cannot write the reports to " + request.outputRoot() + ": " + e);
      return ERROR;
    }
    GateLog.Verdict verdict = GateLog.report(result.verdict(), GateLog.TRAINED, true, new GateLog.Sink() {
      @Override
      public void info(String line) {
        out.println(line);
      }

      @Override
      public void warn(String line) {
        out.println("WARNING: " + line);
      }

      @Override
      public void error(String line) {
        err.println("ERROR: " + line);
      }
    });
    return switch (verdict) {
      case PASSED -> PASSED;
      case MISSED -> MISSED;
      case ERROR -> ERROR;
    };
  }

  /** The accepted metrics for the reports; none when the file cannot be read (the session said why). */
  private static AcceptedMetrics accepted(ForkRequest request) {
    Path file = request.acceptedMetricsFile();
    try {
      return AcceptedMetricsJson.read(file, file.toString());
    } catch (IOException e) {
      return AcceptedMetrics.none(file.toString());
    }
  }

  /**
   * The job's arguments.
   *
   * @param models the models to train; empty for every model of the jar
   * @param output where each model's folder and the reports go
   * @param baseDir the project's directory, against which data files resolve
   * @param force whether to train models whose saved model in {@code output} is up to date
   */
  record Arguments(List<String> models, Path output, Path baseDir, boolean force) {

    /** @throws DeepBuildException naming the argument at fault */
    static Arguments parse(String[] args, Path workingDirectory) {
      List<String> models = new ArrayList<>();
      Path output = null;
      Path baseDir = workingDirectory;
      boolean force = false;
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--output" -> output = workingDirectory.resolve(value(args, ++i, "--output"));
          case "--base-dir" -> baseDir = workingDirectory.resolve(value(args, ++i, "--base-dir"));
          case "--force" -> force = true;
          default -> {
            if (args[i].startsWith("--")) {
              throw new DeepBuildException("Unknown option " + args[i]);
            }
            models.add(args[i]);
          }
        }
      }
      if (output == null) {
        throw new DeepBuildException("--output DIR is missing: the folder the models' results and"
            + " reports go to, such as target/deepbuild");
      }
      return new Arguments(models, output, baseDir, force);
    }

    private static String value(String[] args, int index, String option) {
      if (index >= args.length || args[index].startsWith("--")) {
        throw new DeepBuildException(option + " needs a folder after it");
      }
      return args[index];
    }

    /** The training JVM's request for these arguments, its result in {@code output/fork}. */
    ForkRequest request() {
      return new ForkRequest(ForkGoal.TRAIN, baseDir, output, models, force,
          output.resolve("fork").resolve("result.json"));
    }
  }
}

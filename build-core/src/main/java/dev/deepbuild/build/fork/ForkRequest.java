package dev.deepbuild.build.fork;

import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.gate.ThresholdRule;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What the forked JVM is asked to do. It travels as a JSON file, not on the command line.
 *
 * @param goal what to do with the models
 * @param baseDir the project's base directory, against which data files resolve
 * @param outputRoot where each model's folder goes ({@code target/deepbuild})
 * @param models the names of the models to work on; empty for all
 * @param force whether to train models again even when their saved model is up to date
 * @param resultFile where the fork writes its {@link dev.deepbuild.build.result.SessionResult}
 * @param rules thresholds given or overridden in the build's configuration
 * @param evaluationData a CSV file to evaluate saved models on instead of their test split; null
 *     for the test split
 * @param acceptedMetrics the accepted metrics file that regression tolerances compare with and
 *     {@code dl:accept} writes; null for {@link AcceptedMetrics#DEFAULT_SOURCE} in {@code baseDir}
 * @param classesDirectory the project's class output, whose model index names the models to work
 *     on; a dependency's models, listed in its own jar, are its own module's to train. Null for
 *     every index on the class path
 * @param input what {@link ForkGoal#PREDICT} predicts: a file or folder relative to {@code
 *     baseDir}, or the input itself; null for the other goals
 * @param jvmPerModel whether each model that trains does so in a JVM of its own: the fork stops
 *     after the first model it trains and leaves the rest to the next fork ({@link
 *     dev.deepbuild.build.result.SessionResult#left}), so that no model's memory carries what an
 *     earlier one left and a crash ends one model only
 */
public record ForkRequest(
    ForkGoal goal, Path baseDir, Path outputRoot, List<String> models, boolean force, Path resultFile,
    List<ThresholdRule> rules, Path evaluationData, Path acceptedMetrics, Path classesDirectory,
    String input, boolean jvmPerModel) {

  public ForkRequest {
    Objects.requireNonNull(goal, "goal");
    models = List.copyOf(models);
    // A request written without rules reads them as null.
    rules = rules == null ? List.of() : List.copyOf(rules);
  }

  /** A request with the default accepted metrics file, for every model index on the class path. */
  public ForkRequest(
      ForkGoal goal, Path baseDir, Path outputRoot, List<String> models, boolean force, Path resultFile,
      List<ThresholdRule> rules, Path evaluationData) {
    this(goal, baseDir, outputRoot, models, force, resultFile, rules, evaluationData, null, null,
        null, false);
  }

  /** A request without rules or evaluation data. */
  public ForkRequest(
      ForkGoal goal, Path baseDir, Path outputRoot, List<String> models, boolean force, Path resultFile) {
    this(goal, baseDir, outputRoot, models, force, resultFile, List.of(), null, null, null, null,
        false);
  }

  public ForkRequest withForce(boolean force) {
    return new ForkRequest(goal, baseDir, outputRoot, models, force, resultFile, rules, evaluationData,
        acceptedMetrics, classesDirectory, input, jvmPerModel);
  }

  public ForkRequest withRules(List<ThresholdRule> rules) {
    return new ForkRequest(goal, baseDir, outputRoot, models, force, resultFile, rules, evaluationData,
        acceptedMetrics, classesDirectory, input, jvmPerModel);
  }

  public ForkRequest withAcceptedMetrics(Path acceptedMetrics) {
    return new ForkRequest(goal, baseDir, outputRoot, models, force, resultFile, rules, evaluationData,
        acceptedMetrics, classesDirectory, input, jvmPerModel);
  }

  /** The accepted metrics file, the default one in the project's directory unless another is named. */
  public Path acceptedMetricsFile() {
    return acceptedMetrics != null ? acceptedMetrics : baseDir.resolve(AcceptedMetrics.DEFAULT_SOURCE);
  }

  public ForkRequest withEvaluationData(Path evaluationData) {
    return new ForkRequest(goal, baseDir, outputRoot, models, force, resultFile, rules, evaluationData,
        acceptedMetrics, classesDirectory, input, jvmPerModel);
  }

  public ForkRequest withClassesDirectory(Path classesDirectory) {
    return new ForkRequest(goal, baseDir, outputRoot, models, force, resultFile, rules, evaluationData,
        acceptedMetrics, classesDirectory, input, jvmPerModel);
  }

  /** This request for the named models only. */
  public ForkRequest withModels(List<String> models) {
    return new ForkRequest(goal, baseDir, outputRoot, models, force, resultFile, rules, evaluationData,
        acceptedMetrics, classesDirectory, input, jvmPerModel);
  }

  public ForkRequest withInput(String input) {
    return new ForkRequest(goal, baseDir, outputRoot, models, force, resultFile, rules, evaluationData,
        acceptedMetrics, classesDirectory, input, jvmPerModel);
  }

  public ForkRequest withJvmPerModel(boolean jvmPerModel) {
    return new ForkRequest(goal, baseDir, outputRoot, models, force, resultFile, rules, evaluationData,
        acceptedMetrics, classesDirectory, input, jvmPerModel);
  }
}

package dev.deepbuild.runtime.inspect;

import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.session.ModelGuard;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Evaluates the saved models of a build one after another ({@code dl:evaluate}). A model that
 * cannot be evaluated (never trained, stale, broken data, or a crash) is reported and the others
 * still are.
 */
public final class EvaluationSession {
  private final ModelEvaluation evaluation;
  private final TrainingLog log;

  /**
   * @param outputRoot where {@code dl:train} saved each model's folder
   * @param evaluationData a CSV file to evaluate on instead of each model's test split; null for
   *     the test split
   */
  public EvaluationSession(Path baseDir, Path outputRoot, Path evaluationData, ClassLoader loader,
      TrainingLog log) {
    this.evaluation = new ModelEvaluation(baseDir, outputRoot, evaluationData, loader, log);
    this.log = log;
  }

  /**
   * @param thresholds each model's thresholds to check, its own or as the build's rules change them
   */
  public SessionResult run(
      List<ModelDefinition> models, Function<ModelSpec, List<ThresholdSpec>> thresholds) {
    return run(models, thresholds, AcceptedMetrics.none(AcceptedMetrics.DEFAULT_SOURCE));
  }

  /**
   * @param thresholds each model's thresholds to check, its own or as the build's rules change them
   * @param accepted the accepted metrics that regression tolerances compare with
   */
  public SessionResult run(List<ModelDefinition> models,
      Function<ModelSpec, List<ThresholdSpec>> thresholds, AcceptedMetrics accepted) {
    List<ModelOutcome> outcomes = new ArrayList<>();
    for (ModelDefinition model : models) {
      ModelSpec spec = model.spec();
      log.info("Evaluating " + spec.name() + " (" + spec.declaringClass() + ")");
      outcomes.add(ModelGuard.run(spec.name(), "evaluation", log,
          () -> evaluation.evaluate(model, thresholds.apply(spec), accepted)));
    }
    return SessionResult.of(outcomes);
  }
}

package dev.deepbuild.runtime.session;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.gate.CheckOutcome;
import dev.deepbuild.build.gate.Gate;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.build.io.AcceptedMetricsJson;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.incremental.Decision;
import dev.deepbuild.runtime.incremental.IncrementalTraining;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Accepts the selected models' current metrics ({@code dl:accept}): each model's saved
 * {@code metrics.json} replaces its entry in the accepted metrics file, which regression
 * tolerances compare later builds with. A model is accepted only when its saved model is up to
 * date, so that the values are those of the model as declared, and when it meets its thresholds.
 * Its regression tolerances are not checked, since accepting is how a deliberate change of a value
 * is recorded; the file's diff shows it. Either every selected model is accepted, or none is and
 * the file stays as it was.
 */
public final class AcceptSession {
  private final IncrementalTraining incremental;
  private final TrainingLog log;

  public AcceptSession(Path baseDir, Path outputRoot, ClassLoader loader, TrainingLog log) {
    this.incremental = new IncrementalTraining(baseDir, outputRoot, loader);
    this.log = log;
  }

  /**
   * @param thresholds each model's thresholds, its own or as the build's rules change them
   * @param accepted the values accepted so far, which the selected models' replace
   * @param file where the accepted values are written, atomically
   * @throws DeepBuildException when the file cannot be written
   */
  public SessionResult run(List<ModelDefinition> models,
      Function<ModelSpec, List<ThresholdSpec>> thresholds, AcceptedMetrics accepted, Path file) {
    List<ModelOutcome> outcomes = new ArrayList<>();
    for (ModelDefinition model : models) {
      ModelSpec spec = model.spec();
      outcomes.add(ModelGuard.run(spec.name(), "accepting", log,
          () -> accept(model, thresholds.apply(spec))));
    }
    SessionResult result = SessionResult.of(outcomes);
    if (!result.errors().isEmpty()) {
      log.info("Accepted nothing: " + (result.errors().size() == 1 ? "a model" : "models")
          + " cannot be accepted, and " + accepted.source() + " stays as it was.");
      return result;
    }
    AcceptedMetrics changed = accepted;
    for (ModelOutcome outcome : outcomes) {
      changed = changed.accepting(outcome.report());
    }
    try {
      AcceptedMetricsJson.write(changed, file);
    } catch (IOException e) {
      throw new DeepBuildException("Cannot write the accepted metrics " + accepted.source() + ": "
          + e.getMessage() + ". Check that its folder is writable.", e);
    }
    log.info("Accepted the metrics of " + outcomes.stream().map(ModelOutcome::model)
        .collect(Collectors.joining(", ")) + " into " + accepted.source()
        + "; commit it, so that later builds fail on a regression beyond a maxRegression.");
    return result;
  }

  private ModelOutcome accept(ModelDefinition model, List<ThresholdSpec> thresholds) {
    String name = model.spec().name();
    Decision decision = incremental.decide(model, false);
    if (!(decision instanceof Decision.Reuse reuse)) {
      throw new InvalidInputException(name + ": cannot accept its saved metrics, because "
          + ((Decision.Train) decision).reason() + ". Run mvn dl:train dl:accept to train the"
          + " model as declared and accept the result.");
    }
    List<CheckOutcome> checks = Gate.check(reuse.saved(), absolute(thresholds),
        AcceptedMetrics.none(AcceptedMetrics.DEFAULT_SOURCE));
    List<String> missed = checks.stream().filter(check -> !check.passed())
        .map(CheckOutcome::message).toList();
    if (!missed.isEmpty()) {
      throw new InvalidInputException(name + ": cannot accept metrics that miss the model's"
          + " thresholds (" + String.join("; ", missed) + "). Improve the model or change its"
          + " thresholds, run mvn dl:train, then mvn dl:accept.");
    }
    return ModelOutcome.reused(reuse.saved(), checks);
  }

  /** The thresholds without their regression tolerances, and without those that only had one. */
  private static List<ThresholdSpec> absolute(List<ThresholdSpec> thresholds) {
    return thresholds.stream()
        .filter(threshold -> threshold.hasMin() || threshold.hasMax()
            || threshold.hasBaselineMargin())
        .map(threshold -> threshold.maxRegression(Double.NaN))
        .toList();
  }
}

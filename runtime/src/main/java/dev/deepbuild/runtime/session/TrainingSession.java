package dev.deepbuild.runtime.session;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.gate.Gate;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.SessionProgress;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.runtime.incremental.Decision;
import dev.deepbuild.runtime.incremental.IncrementalTraining;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelIndex;
import dev.deepbuild.runtime.model.ModelSelection;
import dev.deepbuild.runtime.train.ModelTrainer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Trains the selected models of a build one after another and checks their thresholds. A model
 * whose saved model is up to date is not trained again: its saved report is checked instead. A
 * model whose input is broken, or whose training fails in any other way short of exhausting the JVM
 * (a full disk, a bug), is reported and the others still train, so one build shows every problem.
 */
public final class TrainingSession {
  private final Path baseDir;
  private final ClassLoader loader;
  private final IncrementalTraining incremental;
  private final ModelTrainer trainer;
  private final TrainingLog log;
  private final AcceptedMetrics accepted;

  /** A session without accepted metrics: regression tolerances are left out with a warning. */
  public TrainingSession(Path baseDir, Path outputRoot, ClassLoader loader, TrainingLog log) {
    this(baseDir, outputRoot, loader, log, AcceptedMetrics.none(AcceptedMetrics.DEFAULT_SOURCE));
  }

  /**
   * @param accepted the accepted metrics that regression tolerances compare with; they are read
   *     for every check, and are no part of the fingerprint, so a change to them checks the saved
   *     metrics again without training
   */
  public TrainingSession(Path baseDir, Path outputRoot, ClassLoader loader, TrainingLog log,
      AcceptedMetrics accepted) {
    this.accepted = accepted;
    this.baseDir = baseDir.toAbsolutePath();
    this.loader = loader;
    this.incremental = new IncrementalTraining(baseDir, outputRoot, loader);
    this.trainer = new ModelTrainer(baseDir, outputRoot, loader, log);
    this.log = log;
  }

  /** Runs the models named in {@code selection}, reusing those that are up to date. */
  public SessionResult run(List<String> selection) {
    return run(selection, false);
  }

  /**
   * Runs the models named in {@code selection}, or all models when it is empty.
   *
   * @param force whether to train models whose saved model is up to date ({@code -Ddl.force})
   * @throws DeepBuildException when a selected name is not a model of the build
   */
  public SessionResult run(List<String> selection, boolean force) {
    return train(ModelSelection.select(ModelIndex.load(loader), selection), force);
  }

  /** Runs {@code models} in order, reusing those that are up to date unless {@code force}. */
  public SessionResult train(List<ModelDefinition> models, boolean force) {
    return train(models, force, SessionProgress.NONE);
  }

  /** Runs {@code models} in order as {@link #train(List, boolean)}, telling {@code progress}. */
  public SessionResult train(List<ModelDefinition> models, boolean force, SessionProgress progress) {
    return train(models, force, progress, false);
  }

  /**
   * Runs {@code models} in order as {@link #train(List, boolean)}, telling {@code progress}.
   *
   * @param oneTraining whether to stop after the first model that is not up to date, leaving the
   *     models after it ({@link SessionResult#left}) to a JVM whose memory that model's training
   *     did not touch
   */
  public SessionResult train(List<ModelDefinition> models, boolean force, SessionProgress progress,
      boolean oneTraining) {
    List<ModelOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < models.size(); i++) {
      ModelDefinition model = models.get(i);
      progress.started(model.spec().name());
      ModelOutcome outcome = run(model, force);
      progress.finished(outcome);
      outcomes.add(outcome);
      if (oneTraining && !outcome.upToDate() && i + 1 < models.size()) {
        return new SessionResult(outcomes, null, models.subList(i + 1, models.size()).stream()
            .map(next -> next.spec().name()).toList());
      }
    }
    return SessionResult.of(outcomes);
  }

  private ModelOutcome run(ModelDefinition model, boolean force) {
    String name = model.spec().name();
    return ModelGuard.run(name, "training", log, () -> {
      Decision decision = incremental.decide(model, force);
      if (decision instanceof Decision.Reuse reuse) {
        log.info(name + ": up to date, reusing " + shown(reuse.modelFile()));
        return ModelOutcome.reused(reuse.saved(), Gate.check(reuse.saved(), model.spec().thresholds(),
            accepted));
      }
      Decision.Train train = (Decision.Train) decision;
      log.info(name + ": training, because " + train.reason());
      ModelReport report = trainer.train(model, train.provenance());
      return ModelOutcome.trained(report, Gate.check(report, model.spec().thresholds(), accepted));
    });
  }

  /** The path relative to the project, as a user would type it, when it is inside it. */
  private String shown(Path file) {
    Path absolute = file.toAbsolutePath();
    return (absolute.startsWith(baseDir) ? baseDir.relativize(absolute) : absolute).toString();
  }
}

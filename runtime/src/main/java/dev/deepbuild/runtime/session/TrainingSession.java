package dev.deepbuild.runtime.session;

import dev.deepbuild.runtime.DeepBuildException;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.gate.CheckOutcome;
import dev.deepbuild.runtime.gate.Gate;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelIndex;
import dev.deepbuild.runtime.train.ModelReport;
import dev.deepbuild.runtime.train.ModelTrainer;
import dev.deepbuild.runtime.train.TrainingLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Trains the selected models of a build one after another and checks their thresholds. A model
 * whose input is broken is reported and the others still train, so one build shows every problem.
 */
public final class TrainingSession {
  private final ClassLoader loader;
  private final ModelTrainer trainer;
  private final TrainingLog log;

  public TrainingSession(Path baseDir, Path outputRoot, ClassLoader loader, TrainingLog log) {
    this.loader = loader;
    this.trainer = new ModelTrainer(baseDir, outputRoot, loader, log);
    this.log = log;
  }

  /**
   * Trains the models named in {@code selection}, or all models when it is empty.
   *
   * @throws DeepBuildException when a selected name is not a model of the build
   */
  public SessionResult run(List<String> selection) {
    List<ModelOutcome> outcomes = new ArrayList<>();
    for (ModelDefinition model : select(ModelIndex.load(loader), selection)) {
      outcomes.add(train(model));
    }
    return SessionResult.of(outcomes);
  }

  private ModelOutcome train(ModelDefinition model) {
    String name = model.spec().name();
    log.info("Training " + name + " (" + model.spec().declaringClass() + ")");
    try {
      ModelReport report = trainer.train(model);
      List<CheckOutcome> checks = Gate.check(report, model.spec().thresholds());
      return ModelOutcome.trained(report, checks);
    } catch (InvalidInputException e) {
      return ModelOutcome.failed(name, e.getMessage());
    }
  }

  private static List<ModelDefinition> select(
      Map<String, ModelDefinition> models, List<String> selection) {
    if (selection.isEmpty()) {
      return List.copyOf(models.values());
    }
    List<ModelDefinition> selected = new ArrayList<>();
    for (String name : selection) {
      ModelDefinition model = models.get(name);
      if (model == null) {
        throw new DeepBuildException("No model is named '" + name + "'; the models of this build are "
            + (models.isEmpty() ? "none" : String.join(", ", models.keySet()))
            + ". Fix -Ddl.models (or <models> in the plugin's configuration)");
      }
      selected.add(model);
    }
    return selected;
  }
}

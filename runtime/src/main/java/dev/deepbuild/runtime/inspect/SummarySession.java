package dev.deepbuild.runtime.inspect;

import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.session.ModelGuard;
import dev.deepbuild.runtime.session.ModelOutcome;
import dev.deepbuild.runtime.session.SessionResult;
import dev.deepbuild.runtime.train.TrainingLog;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prints a Keras-like summary of each model's network to the log ({@code dl:summary}), without
 * training. A CSV model's input width is its table's, so the data is read, though no features are
 * computed; a model whose data cannot be read, or whose summary fails, is reported and the
 * others are still summarized.
 */
public final class SummarySession {
  private final ExamplesReader reader;
  private final TrainingLog log;

  public SummarySession(Path baseDir, ClassLoader loader, TrainingLog log) {
    this.reader = new ExamplesReader(baseDir, loader, log);
    this.log = log;
  }

  /** One outcome per model, without a report: a summary measures nothing. */
  public SessionResult run(List<ModelDefinition> models) {
    List<ModelOutcome> outcomes = new ArrayList<>();
    for (ModelDefinition model : models) {
      ModelSpec spec = model.spec();
      outcomes.add(ModelGuard.run(spec.name(), "summary", log, () -> {
        SummaryTable.lines(summarize(model)).forEach(log::info);
        return new ModelOutcome(spec.name(), null, null, List.of());
      }));
    }
    return SessionResult.of(outcomes);
  }

  static ModelSummary summarize(ModelDefinition model, int inputs) {
    ModelSpec spec = model.spec();
    return ModelSummary.of(spec.name(), spec.declaringClass(),
        model.network(inputs).create(spec.seed()), inputs);
  }

  private ModelSummary summarize(ModelDefinition model) {
    return summarize(model, reader.read(model.spec()).inputs());
  }
}

package dev.deepbuild.runtime.inspect;

import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.SessionResult;
import dev.deepbuild.runtime.examples.Examples;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.model.LocatedModel;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.BaseLocations;
import dev.deepbuild.runtime.session.ModelGuard;
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
  private final BaseLocations bases;
  private final TrainingLog log;

  /** @param outputRoot where each model's folder is, in which a pretrained base's network is */
  public SummarySession(Path baseDir, Path outputRoot, ClassLoader loader, TrainingLog log) {
    this.reader = new ExamplesReader(baseDir, loader, log);
    this.bases = new BaseLocations(baseDir, outputRoot);
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
    return summarize(model, inputs, List.of(inputs));
  }

  /**
   * @param inputs the width of the data's features, for a network that takes them at run time
   * @param inputWidths each input's width, in the network's order
   */
  static ModelSummary summarize(ModelDefinition model, int inputs, List<Integer> inputWidths) {
    ModelSpec spec = model.spec();
    return ModelSummary.of(spec.name(), spec.declaringClass(),
        model.network(inputs).create(spec.seed()), inputWidths);
  }

  private ModelSummary summarize(ModelDefinition model) {
    Examples examples = reader.read(model.spec());
    return summarize(LocatedModel.of(model, bases), examples.inputs(), examples.inputWidths());
  }
}

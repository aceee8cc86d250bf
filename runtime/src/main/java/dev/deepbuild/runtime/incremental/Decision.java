package dev.deepbuild.runtime.incremental;

import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.Provenance;
import java.nio.file.Path;

/** Whether a model's saved files can be reused, or why it must be trained again. */
public sealed interface Decision {

  /**
   * The saved model is up to date: its saved report stands for this build's training, and the
   * model's thresholds are checked against it.
   */
  record Reuse(ModelReport saved, Path modelFile) implements Decision {}

  /**
   * The model must be trained.
   *
   * @param reason completes {@code <model>: training, because ...}
   * @param provenance what the model is trained with, for its report
   */
  record Train(String reason, Provenance provenance) implements Decision {}
}

package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Loss;
import dev.deepbuild.annotations.Task;
import java.util.Objects;

/** How a model is trained. */
public record TrainingDescription(
    int epochs, int batchSize, OptimizerDescription optimizer, Loss loss) {

  public TrainingDescription {
    Objects.requireNonNull(optimizer, "optimizer");
    Objects.requireNonNull(loss, "loss");
  }

  /** What the model predicts, which its loss decides. */
  public Task task() {
    return loss.task();
  }
}

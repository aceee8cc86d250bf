package dev.deepbuild.runtime.train;

import dev.deepbuild.build.result.EpochRecord;
import java.util.List;

/**
 * How a training loop went: its learning curve, the epoch whose weights the model kept, and what
 * ended it.
 *
 * @param history one record per epoch trained
 * @param keptEpoch the epoch whose weights the network holds at the end
 * @param endedBy why training ended, such as {@code all 60 epochs} or
 *     {@code early stopping: val_loss did not improve for 3 epochs}
 */
public record TrainingRun(List<EpochRecord> history, int keptEpoch, String endedBy) {
  public TrainingRun {
    history = List.copyOf(history);
  }

  /** The record of the kept epoch: the model's final training and validation metrics. */
  public EpochRecord kept() {
    return history.get(keptEpoch - 1);
  }
}

package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.LearningRateSchedule;
import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * A learning-rate schedule, as {@code @LearningRateSchedule} says.
 *
 * @param type step, exponential or on plateau
 * @param factor the multiplier of a reduction
 * @param every epochs between two step reductions
 * @param patience epochs without improvement of {@code monitor} before a plateau reduction
 * @param monitor the validation metric a plateau is judged by
 * @param minLearningRate the floor
 */
public record ScheduleSpec(
    LearningRateSchedule.Type type, double factor, int every, int patience, Metric monitor,
    double minLearningRate) {
  public ScheduleSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(monitor, "monitor");
  }
}

package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.LearningRateSchedule;
import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * A learning-rate schedule ({@code @LearningRateSchedule}), starting from the optimizer's rate.
 * Every option is kept, those the type does not use included, as the runtime takes them all.
 *
 * @param type step, exponential or on plateau
 * @param factor the multiplier of a reduction, in (0, 1)
 * @param every for a step schedule, the epochs between two reductions, at least 1
 * @param patience for a plateau schedule, the epochs without improvement before a reduction, at
 *     least 1
 * @param monitor for a plateau schedule, the validation metric watched
 * @param minLearningRate the floor of the rate, 0 or more
 * @param output the output whose monitor a plateau is judged by, in a model of several; empty
 *     for the model's
 */
public record ScheduleDescription(
    LearningRateSchedule.Type type,
    double factor,
    int every,
    int patience,
    Metric monitor,
    double minLearningRate,
    String output) {

  public ScheduleDescription {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(output, "output");
    if (!(factor > 0 && factor < 1)) {
      throw new IllegalArgumentException("factor must be in (0, 1): " + factor);
    }
    if (every < 1 || patience < 1) {
      throw new IllegalArgumentException(
          "every and patience must be at least 1: " + every + ", " + patience);
    }
    if (!(minLearningRate >= 0 && Double.isFinite(minLearningRate))) {
      throw new IllegalArgumentException(
          "minLearningRate must be finite and 0 or more: " + minLearningRate);
    }
  }

  /** Whether the schedule watches a validation metric: a plateau schedule does. */
  public boolean needsValidation() {
    return type == LearningRateSchedule.Type.ON_PLATEAU;
  }
}

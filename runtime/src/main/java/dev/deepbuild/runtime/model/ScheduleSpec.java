package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.LearningRateSchedule;
import dev.deepbuild.annotations.Metric;
import java.util.Objects;

/**
 * A learning-rate schedule, as {@code @LearningRateSchedule} says. Generated code starts from the
 * type with the options it uses, {@code ScheduleSpec.step(10)}, {@code ScheduleSpec.exponential()}
 * or {@code ScheduleSpec.onPlateau(Metric.LOSS, 5)}, and names the rest: {@code .factor(0.2)
 * .minLearningRate(1e-5)}. The options a type ignores keep the annotation's defaults, as the
 * processor leaves them.
 *
 * @param type step, exponential or on plateau
 * @param factor the multiplier of a reduction
 * @param every epochs between two step reductions
 * @param patience epochs without improvement of {@code monitor} before a plateau reduction
 * @param monitor the validation metric a plateau is judged by
 * @param minLearningRate the floor
 * @param output the output whose monitor a plateau is judged by, in a model of several; empty
 *     for the model's
 */
public record ScheduleSpec(
    LearningRateSchedule.Type type, double factor, int every, int patience, Metric monitor,
    double minLearningRate, String output) {
  /** {@code @LearningRateSchedule}'s defaults, which {@code SpecDefaultsTest} holds to it. */
  static final double DEFAULT_FACTOR = 0.5;
  static final int DEFAULT_EVERY = 10;
  static final int DEFAULT_PATIENCE = 5;
  static final Metric DEFAULT_MONITOR = Metric.LOSS;

  public ScheduleSpec {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(monitor, "monitor");
    Objects.requireNonNull(output, "output");
  }

  /** A schedule that watches, if it watches, the model's metric. */
  public ScheduleSpec(LearningRateSchedule.Type type, double factor, int every, int patience,
      Metric monitor, double minLearningRate) {
    this(type, factor, every, patience, monitor, minLearningRate, "");
  }

  /** The rate times the factor (0.5 unless {@link #factor(double)}) every {@code every} epochs. */
  public static ScheduleSpec step(int every) {
    return new ScheduleSpec(LearningRateSchedule.Type.STEP, DEFAULT_FACTOR, every,
        DEFAULT_PATIENCE, DEFAULT_MONITOR, 0);
  }

  /** The rate times the factor after every epoch. */
  public static ScheduleSpec exponential() {
    return new ScheduleSpec(LearningRateSchedule.Type.EXPONENTIAL, DEFAULT_FACTOR, DEFAULT_EVERY,
        DEFAULT_PATIENCE, DEFAULT_MONITOR, 0);
  }

  /** The rate times the factor after {@code patience} epochs without a better {@code monitor}. */
  public static ScheduleSpec onPlateau(Metric monitor, int patience) {
    return new ScheduleSpec(LearningRateSchedule.Type.ON_PLATEAU, DEFAULT_FACTOR, DEFAULT_EVERY,
        patience, monitor, 0);
  }

  public ScheduleSpec factor(double factor) {
    return new ScheduleSpec(type, factor, every, patience, monitor, minLearningRate, output);
  }

  public ScheduleSpec minLearningRate(double floor) {
    return new ScheduleSpec(type, factor, every, patience, monitor, floor, output);
  }

  /** A plateau of one output's monitor, in a model of several, such as {@code topic}. */
  public ScheduleSpec onOutput(String output) {
    return new ScheduleSpec(type, factor, every, patience, monitor, minLearningRate, output);
  }
}

package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.LearningRateSchedule;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.runtime.model.ScheduleSpec;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.Locale;
import java.util.Map;

/**
 * Applies a learning-rate schedule between epochs by setting the network's rate, one mechanism for
 * all three kinds: a step or exponential schedule follows from the epoch; a plateau schedule reacts
 * to the validation metric, as Keras's {@code ReduceLROnPlateau}.
 */
final class LearningRates {
  private final String model;
  private final ScheduleSpec schedule;
  private final TrainingLog log;
  private final Improvement plateau;
  private double rate = Double.NaN;
  private int reductions;

  LearningRates(String model, ScheduleSpec schedule, TrainingLog log) {
    this.model = model;
    this.schedule = schedule;
    this.log = log;
    this.plateau = new Improvement(schedule.monitor(), 0);
  }

  /** Sets the rate for {@code epoch} (1-based) of a step or exponential schedule. */
  void beforeEpoch(TrainableNetwork net, int epoch) {
    if (Double.isNaN(rate)) {
      rate = net.learningRate();
    }
    int due = switch (schedule.type()) {
      case STEP -> (epoch - 1) / schedule.every();
      case EXPONENTIAL -> epoch - 1;
      case ON_PLATEAU -> 0;
    };
    if (due != reductions) {
      reductions = due;
      set(net, rate * Math.pow(schedule.factor(), due), epoch);
    }
  }

  /** Reduces the rate of a plateau schedule when the monitored metric stalls. */
  void afterEpoch(TrainableNetwork net, int epoch, EpochRecord record) {
    Map<Metric, Double> validation = record.validation(schedule.output());
    if (schedule.type() != LearningRateSchedule.Type.ON_PLATEAU
        || validation.isEmpty()) {
      return;
    }
    plateau.offer(epoch, validation.get(schedule.monitor()));
    if (plateau.epochsWithout() >= schedule.patience()) {
      rate = Math.max(schedule.minLearningRate(), rate * schedule.factor());
      set(net, rate, epoch + 1);
      plateau.resetWait();
    }
  }

  private void set(TrainableNetwork net, double value, int epoch) {
    double floored = Math.max(schedule.minLearningRate(), value);
    net.setLearningRate(floored);
    log.info(String.format(Locale.ROOT, "%s: learning rate %.6g from epoch %d", model, floored, epoch));
  }
}

package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.result.EpochRecord;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a learning curve the way the book's chapter 5 does: where the validation loss was lowest,
 * and whether after it the model overfits (validation loss rising while training loss still
 * falls) or, with the validation loss still falling at the end, underfits and would gain from more
 * epochs. Changes within a tolerance are flat: a relative one, and one set by the curve's own
 * range, so that a wobble near a loss of 0 is not read as a trend.
 */
final class CurveDiagnosis {
  /** A relative change of the loss smaller than this counts as flat. */
  private static final double FLAT = 0.005;
  /**
   * A change smaller than this fraction of the curve's own range (its highest minus its lowest
   * loss) counts as flat too: near a loss of 0, tiny wobbles are large relative changes.
   */
  private static final double SCALE = 0.02;
  /** The trend at the end is read over this fraction of the epochs, at least one epoch. */
  private static final double TAIL = 0.1;

  private CurveDiagnosis() {}

  /** One line for the log, or empty for a curve without validation data. */
  static Optional<String> of(String model, TrainingRun run) {
    List<EpochRecord> history = run.history();
    if (history.isEmpty() || history.get(0).validation().isEmpty()) {
      return Optional.empty();
    }
    Curve validation = new Curve(history, true);
    Curve training = new Curve(history, false);
    int best = 0;
    for (int i = 1; i < history.size(); i++) {
      if (validation.loss(i) < validation.loss(best)) {
        best = i;
      }
    }
    EpochRecord lowest = history.get(best);
    String start = String.format(Locale.ROOT, "%s: validation loss was lowest at epoch %d of %d (%.4f)",
        model, lowest.epoch(), history.size(), validation.loss(best));
    int last = history.size() - 1;
    if (best == last) {
      int tail = Math.max(1, (int) (history.size() * TAIL));
      boolean stillFalling = last > 0 && validation.fell(Math.max(0, last - tail), last);
      if (stillFalling && classifiesEverySample(history.get(last))) {
        return Optional.of(start + "; it was still falling, but the model already classifies every"
            + " training and validation sample correctly");
      }
      return Optional.of(start + (stillFalling
          ? "; it was still falling: the model underfits, more epochs or a larger model may help"
          : "; it has levelled off"));
    }
    if (training.fell(best, last) && validation.rose(best, last)) {
      // Early stopping that restored the best epoch has already done what the advice would say.
      String advice = run.keptEpoch() == lowest.epoch()
          ? String.format(Locale.ROOT, "the model keeps epoch %d's weights", lowest.epoch())
          : String.format(Locale.ROOT, "stop at epoch %d, regularize or add data", lowest.epoch());
      return Optional.of(start + String.format(Locale.ROOT, "; from epoch %d it rose to %.4f while"
          + " the training loss kept falling: the model overfits; %s", lowest.epoch() + 1,
          validation.loss(last), advice));
    }
    return Optional.of(start + "; it has levelled off since");
  }

  /** Accuracy 1 on both splits leaves nothing for more epochs to learn. */
  private static boolean classifiesEverySample(EpochRecord record) {
    return record.training().getOrDefault(Metric.ACCURACY, 0.0) >= 1
        && record.validation().getOrDefault(Metric.ACCURACY, 0.0) >= 1;
  }

  /** One loss curve, training or validation, with the tolerance its own range sets. */
  private static final class Curve {
    private final double[] loss;
    private final double range;

    Curve(List<EpochRecord> history, boolean validation) {
      loss = history.stream()
          .map(record -> validation ? record.validation() : record.training())
          .mapToDouble(metrics -> metrics.get(Metric.LOSS))
          .toArray();
      range = Arrays.stream(loss).max().orElse(0) - Arrays.stream(loss).min().orElse(0);
    }

    double loss(int index) {
      return loss[index];
    }

    boolean fell(int from, int to) {
      return loss[from] - loss[to] > tolerance(loss[from]);
    }

    boolean rose(int from, int to) {
      return loss[to] - loss[from] > tolerance(loss[from]);
    }

    private double tolerance(double before) {
      return Math.max(FLAT * Math.abs(before), SCALE * range);
    }
  }
}

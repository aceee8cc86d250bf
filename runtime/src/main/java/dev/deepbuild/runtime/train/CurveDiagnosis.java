package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.Metric;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a learning curve the way the book's chapter 5 does: where the validation loss was lowest,
 * and whether after it the model overfits (validation loss rising while training loss still
 * falls) or, with the validation loss still falling at the end, underfits and would gain from more
 * epochs.
 */
final class CurveDiagnosis {
  /** A relative change of the loss smaller than this counts as flat. */
  private static final double FLAT = 0.005;

  private CurveDiagnosis() {}

  /** One line for the log, or empty for a curve without validation data. */
  static Optional<String> of(String model, TrainingRun run) {
    List<EpochRecord> history = run.history();
    if (history.isEmpty() || history.get(0).validation().isEmpty()) {
      return Optional.empty();
    }
    int best = 0;
    for (int i = 1; i < history.size(); i++) {
      if (loss(history, i, true) < loss(history, best, true)) {
        best = i;
      }
    }
    EpochRecord lowest = history.get(best);
    String start = String.format(Locale.ROOT, "%s: validation loss was lowest at epoch %d of %d (%.4f)",
        model, lowest.epoch(), history.size(), loss(history, best, true));
    int last = history.size() - 1;
    if (best == last) {
      boolean stillFalling = last > 0 && falling(loss(history, last - 1, true), loss(history, last, true));
      return Optional.of(start + (stillFalling
          ? "; it was still falling: the model underfits, more epochs or a larger model may help"
          : "; it has levelled off"));
    }
    boolean trainingFell = falling(loss(history, best, false), loss(history, last, false));
    boolean validationRose = rising(loss(history, best, true), loss(history, last, true));
    if (trainingFell && validationRose) {
      // Early stopping that restored the best epoch has already done what the advice would say.
      String advice = run.keptEpoch() == lowest.epoch()
          ? String.format(Locale.ROOT, "the model keeps epoch %d's weights", lowest.epoch())
          : String.format(Locale.ROOT, "stop at epoch %d, regularize or add data", lowest.epoch());
      return Optional.of(start + String.format(Locale.ROOT, "; from epoch %d it rose to %.4f while"
          + " the training loss kept falling: the model overfits; %s", lowest.epoch() + 1,
          loss(history, last, true), advice));
    }
    return Optional.of(start + "; it has levelled off since");
  }

  private static double loss(List<EpochRecord> history, int index, boolean validation) {
    EpochRecord record = history.get(index);
    return (validation ? record.validation() : record.training()).get(Metric.LOSS);
  }

  private static boolean falling(double before, double after) {
    return after < before * (1 - FLAT);
  }

  private static boolean rising(double before, double after) {
    return after > before * (1 + FLAT);
  }
}

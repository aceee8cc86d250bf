package dev.deepbuild.runtime.train;

import dev.deepbuild.build.TrainingLog;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress within a long epoch, as plain log lines: one every {@code interval}, never one for an
 * epoch shorter than that, so a CI log gets a line every few seconds of a slow epoch and none for
 * fast ones. Lines, not carriage returns, because the build's log is often not a terminal.
 * {@code imdb: epoch 2/4 - 12800/24791 samples (52%) - 8400 samples/s - ETA 1 s}
 */
final class EpochProgress {
  static final long DEFAULT_INTERVAL_NANOS = 10_000_000_000L;

  private final String prefix;
  private final int samples;
  private final TrainingLog log;
  private final LongSupplier clock;
  private final long interval;
  private final long start;
  private long lastLine;

  EpochProgress(String model, int epoch, int epochs, int samples, TrainingLog log,
      LongSupplier clock, long intervalNanos) {
    this.prefix = model + ": epoch " + epoch + "/" + epochs + " - ";
    this.samples = samples;
    this.log = log;
    this.clock = clock;
    this.interval = intervalNanos;
    this.start = clock.getAsLong();
    this.lastLine = start;
  }

  /** Called after each minibatch with the number of samples trained on so far in the epoch. */
  void trained(int done) {
    long now = clock.getAsLong();
    if (now - lastLine < interval || done >= samples) {
      return;
    }
    lastLine = now;
    double seconds = (now - start) / 1e9;
    double rate = done / seconds;
    log.info(String.format(Locale.ROOT, "%s%d/%d samples (%d%%) - %.0f samples/s - ETA %.0f s",
        prefix, done, samples, 100L * done / samples, rate, (samples - done) / rate));
  }
}

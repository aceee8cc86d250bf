package dev.deepbuild.runtime.datasets.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Closes a download's stream when no byte has arrived for a while. {@code HttpClient} times out
 * the connection and the response headers, but a body that stops flowing would block a read, and
 * the build, forever.
 */
final class StallWatchdog implements AutoCloseable {
  private static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "deepbuild-download-watchdog");
    thread.setDaemon(true);
    return thread;
  });

  private final long idleNanos;
  private final Closeable stream;
  private final ScheduledFuture<?> check;
  private volatile long lastProgress = System.nanoTime();
  private volatile boolean stalled;

  StallWatchdog(Duration idle, Closeable stream) {
    this.idleNanos = idle.toNanos();
    this.stream = stream;
    long period = Math.max(10, idle.toMillis() / 4);
    this.check = TIMER.scheduleAtFixedRate(this::check, period, period, TimeUnit.MILLISECONDS);
  }

  /** Bytes arrived. */
  void progress() {
    lastProgress = System.nanoTime();
  }

  /** Whether it closed the stream: a read that failed or ended did so because of the stall. */
  boolean stalled() {
    return stalled;
  }

  @Override
  public void close() {
    check.cancel(false);
  }

  private void check() {
    if (!stalled && System.nanoTime() - lastProgress > idleNanos) {
      stalled = true;
      check.cancel(false);
      try {
        stream.close(); // wakes the blocked read
      } catch (IOException ignored) {
        // The download fails as stalled either way.
      }
    }
  }
}

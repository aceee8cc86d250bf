package dev.deepbuild.runtime.train;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.io.ModelArchive;
import dev.deepbuild.runtime.io.ModelMetadata;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;

/**
 * The best and the last model of a training run, written during training to
 * {@code <model>/checkpoints/best.zip} and {@code last.zip}, each atomically: an interrupted build
 * leaves a usable model or none, never a torn file. A training run starts by deleting the
 * checkpoints it finds ({@link #clear}): they are of an earlier run, perhaps of another
 * configuration, and a run that writes no {@code best.zip} (no validation rows) would leave an old
 * one looking like its own.
 *
 * <p>Each is written when it first exists, then at most once every {@link #INTERVAL_NANOS} of
 * training, and always after the final epoch: a killed run loses at most that much training from
 * either, and a run of fast epochs does not spend a large part of each epoch writing models
 * (Boston's 26 minibatches of 16 rows an epoch took about as long as one write with its disk sync;
 * Reuters's validation loss improves for about ten epochs of 0.4 s, each write 35 ms). A better
 * epoch that comes within the interval is kept in memory, a copy of its parameters and updater
 * state, and written when the interval has passed or training ends.
 */
final class Checkpoints {
  private static final String BEST = "best.zip";
  private static final String LAST = "last.zip";
  /** The longest a written checkpoint lags the training while more epochs follow. */
  static final long INTERVAL_NANOS = 5_000_000_000L;

  private final String model;
  private final Path folder;
  private final Optional<? extends Normalizer<?>> normalizer;
  private final Optional<ModelMetadata> metadata;
  private final LongSupplier clock;
  private final Throttled last;
  private final Throttled best;

  /** @param metadata what a checkpoint saves beside the network, as {@code model.zip} does */
  Checkpoints(String model, Path folder, Optional<? extends Normalizer<?>> normalizer,
      Optional<ModelMetadata> metadata) {
    this(model, folder, normalizer, metadata, System::nanoTime, INTERVAL_NANOS);
  }

  /**
   * @param clock nanoseconds, as {@link System#nanoTime}
   * @param intervalNanos the longest a checkpoint lags the training before the final epoch
   */
  Checkpoints(String model, Path folder, Optional<? extends Normalizer<?>> normalizer,
      Optional<ModelMetadata> metadata, LongSupplier clock, long intervalNanos) {
    this.model = model;
    this.folder = folder;
    this.normalizer = normalizer;
    this.metadata = metadata;
    this.clock = clock;
    this.last = new Throttled(LAST, intervalNanos);
    this.best = new Throttled(BEST, intervalNanos);
  }

  /**
   * Deletes the checkpoints in {@code folder}, before a run writes its own.
   *
   * @throws DeepBuildException when one cannot be deleted
   */
  static void clear(String model, Path folder) {
    for (String file : List.of(BEST, LAST)) {
      Path checkpoint = folder.resolve(file);
      try {
        Files.deleteIfExists(checkpoint);
      } catch (IOException e) {
        throw new DeepBuildException(model + ": cannot delete the old checkpoint " + checkpoint
            + " before training: " + e.getMessage() + ". Delete it, or check that the directory is"
            + " writable.", e);
      }
    }
  }

  /**
   * Writes {@code last.zip} after an epoch when it is the first or the final one, or when the
   * interval has passed since the last write; a better epoch kept in memory is written to {@code
   * best.zip} on the same terms.
   *
   * @param finalEpoch whether training ends after this epoch
   */
  void saveLast(TrainableNetwork net, boolean finalEpoch) {
    if (finalEpoch || last.due()) {
      last.write(net.content());
    }
    best.flush(finalEpoch);
  }

  /** Takes the network as the best so far: written now when due, else kept for later. */
  void saveBest(TrainableNetwork net) {
    if (best.due()) {
      best.write(net.content());
    } else {
      best.waiting = net.content().copy();
    }
  }

  /** One checkpoint file, written at most once an interval; a best epoch in between waits here. */
  private final class Throttled {
    private final String file;
    private final long interval;
    private boolean written;
    private long writtenAt;
    private ModelArchive.Content waiting;

    Throttled(String file, long interval) {
      this.file = file;
      this.interval = interval;
    }

    /** Writes what waits when {@code now} or when the interval has passed. */
    void flush(boolean now) {
      if (waiting != null && (now || due())) {
        write(waiting);
      }
    }

    boolean due() {
      return !written || clock.getAsLong() - writtenAt >= interval;
    }

    void write(ModelArchive.Content content) {
      save(content, file);
      waiting = null;
      written = true;
      writtenAt = clock.getAsLong();
    }
  }

  private void save(ModelArchive.Content content, String file) {
    Path target = folder.resolve(file);
    try {
      ModelArchive.write(content, normalizer, metadata, target);
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot write the checkpoint " + target + ": "
          + e.getMessage() + ". Check that the directory is writable and the disk has space.", e);
    }
  }
}

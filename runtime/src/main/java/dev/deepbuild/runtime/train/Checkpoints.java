package dev.deepbuild.runtime.train;

import dev.deepbuild.build.DeepBuildException;
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
 * <p>{@code last.zip} is written after the first epoch, then at most once every {@link
 * #LAST_INTERVAL_NANOS} of training, and always after the final epoch: a killed run loses at most
 * that much training from it, and a run of fast epochs does not spend a large part of each epoch
 * writing a model (Boston's 26 minibatches of 16 rows an epoch took about as long as one write
 * with its copy and disk sync). {@code best.zip} is written at every improvement, which is rarer.
 */
final class Checkpoints {
  private static final String BEST = "best.zip";
  private static final String LAST = "last.zip";
  /** The longest a written {@code last.zip} lags the training while more epochs follow. */
  static final long LAST_INTERVAL_NANOS = 5_000_000_000L;

  private final String model;
  private final Path folder;
  private final Optional<? extends Normalizer<?>> normalizer;
  private final Optional<ModelMetadata> metadata;
  private final LongSupplier clock;
  private final long lastInterval;
  private boolean lastWritten;
  private long lastWrite;

  /** @param metadata what a checkpoint saves beside the network, as {@code model.zip} does */
  Checkpoints(String model, Path folder, Optional<? extends Normalizer<?>> normalizer,
      Optional<ModelMetadata> metadata) {
    this(model, folder, normalizer, metadata, System::nanoTime, LAST_INTERVAL_NANOS);
  }

  /**
   * @param clock nanoseconds, as {@link System#nanoTime}
   * @param lastIntervalNanos the longest {@code last.zip} lags the training before the final epoch
   */
  Checkpoints(String model, Path folder, Optional<? extends Normalizer<?>> normalizer,
      Optional<ModelMetadata> metadata, LongSupplier clock, long lastIntervalNanos) {
    this.model = model;
    this.folder = folder;
    this.normalizer = normalizer;
    this.metadata = metadata;
    this.clock = clock;
    this.lastInterval = lastIntervalNanos;
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
   * interval has passed since the last write.
   *
   * @param finalEpoch whether training ends after this epoch
   */
  void saveLast(TrainableNetwork net, boolean finalEpoch) {
    if (lastWritten && !finalEpoch && clock.getAsLong() - lastWrite < lastInterval) {
      return;
    }
    save(net, LAST);
    lastWritten = true;
    lastWrite = clock.getAsLong();
  }

  void saveBest(TrainableNetwork net) {
    save(net, BEST);
  }

  private void save(TrainableNetwork net, String file) {
    Path target = folder.resolve(file);
    try {
      net.save(target, normalizer, metadata);
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot write the checkpoint " + target + ": "
          + e.getMessage() + ". Check that the directory is writable and the disk has space.", e);
    }
  }
}

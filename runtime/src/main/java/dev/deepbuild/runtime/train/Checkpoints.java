package dev.deepbuild.runtime.train;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.runtime.io.ModelMetadata;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;

/**
 * The best and the last model of a training run, written during training to
 * {@code <model>/checkpoints/best.zip} and {@code last.zip}, each atomically: an interrupted build
 * leaves a usable model or none, never a torn file. A training run starts by deleting the
 * checkpoints it finds ({@link #clear}): they are of an earlier run, perhaps of another
 * configuration, and a run that writes no {@code best.zip} (no validation rows) would leave an old
 * one looking like its own.
 */
final class Checkpoints {
  private static final String BEST = "best.zip";
  private static final String LAST = "last.zip";

  private final String model;
  private final Path folder;
  private final Optional<? extends Normalizer<?>> normalizer;
  private final Optional<ModelMetadata> metadata;

  /** @param metadata what a checkpoint saves beside the network, as {@code model.zip} does */
  Checkpoints(String model, Path folder, Optional<? extends Normalizer<?>> normalizer,
      Optional<ModelMetadata> metadata) {
    this.model = model;
    this.folder = folder;
    this.normalizer = normalizer;
    this.metadata = metadata;
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

  void saveLast(TrainableNetwork net) {
    save(net, LAST);
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

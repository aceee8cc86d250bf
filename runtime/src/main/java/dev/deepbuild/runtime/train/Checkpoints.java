package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.DeepBuildException;
import dev.deepbuild.runtime.io.ModelArchive;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * The best and the last model of a training run, written during training to
 * {@code <model>/checkpoints/best.zip} and {@code last.zip}, each atomically: an interrupted build
 * leaves a usable model or none, never a torn file.
 */
final class Checkpoints {
  private final String model;
  private final Path folder;
  private final Optional<? extends DataNormalization> normalizer;

  Checkpoints(String model, Path folder, Optional<? extends DataNormalization> normalizer) {
    this.model = model;
    this.folder = folder;
    this.normalizer = normalizer;
  }

  void saveLast(MultiLayerNetwork net) {
    save(net, "last.zip");
  }

  void saveBest(MultiLayerNetwork net) {
    save(net, "best.zip");
  }

  private void save(MultiLayerNetwork net, String file) {
    Path target = folder.resolve(file);
    try {
      ModelArchive.write(net, normalizer, target);
    } catch (IOException e) {
      throw new DeepBuildException(model + ": cannot write the checkpoint " + target + ": "
          + e.getMessage() + ". Check that the directory is writable and the disk has space.", e);
    }
  }
}

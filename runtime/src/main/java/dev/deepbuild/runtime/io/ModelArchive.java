package dev.deepbuild.runtime.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * The trained model file: DL4J's zip of configuration, weights and updater state (so training can
 * resume), plus the standardization when the model has one, which {@link
 * ModelSerializer#restoreNormalizerFromFile} reads back.
 */
public final class ModelArchive {
  private ModelArchive() {}

  /** Writes {@code target} atomically. */
  public static void write(MultiLayerNetwork net, Optional<? extends DataNormalization> normalizer,
      Path target) throws IOException {
    // writeModel(net, file, true, normalizer) fails in 1.0.0-M2.1 ("flush() failed: stream is
    // closed"), so the normalizer is added to the written zip in a second step.
    AtomicFiles.write(target, file -> {
      ModelSerializer.writeModel(net, file.toFile(), true);
      normalizer.ifPresent(n -> ModelSerializer.addNormalizerToModel(file.toFile(), n));
    });
  }
}

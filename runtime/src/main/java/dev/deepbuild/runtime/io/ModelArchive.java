package dev.deepbuild.runtime.io;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;

/**
 * The trained model file: DL4J's zip of configuration, weights and updater state (so training can
 * resume), plus the standardization when the model has one, which {@link #normalizer} reads back.
 * The same for every kind of DL4J network.
 */
public final class ModelArchive {
  private ModelArchive() {}

  /** Writes {@code target} atomically. */
  public static void write(Model net, Optional<? extends DataNormalization> normalizer, Path target)
      throws IOException {
    // writeModel(net, file, true, normalizer) fails in 1.0.0-M2.1 ("flush() failed: stream is
    // closed"), so the normalizer is added to the written zip in a second step.
    AtomicFiles.write(target, file -> {
      ModelSerializer.writeModel(net, file.toFile(), true);
      normalizer.ifPresent(n -> ModelSerializer.addNormalizerToModel(file.toFile(), n));
    });
  }

  /**
   * The standardization saved in {@code file}; empty when the model has none.
   *
   * @throws IOException when it cannot be read, or is a normalizer that cannot transform a data set
   */
  public static Optional<DataNormalization> normalizer(Path file) throws IOException {
    Normalizer<?> normalizer = ModelSerializer.restoreNormalizerFromFile(file.toFile());
    if (normalizer != null && !(normalizer instanceof DataNormalization)) {
      throw new IOException("its normalizer " + normalizer.getClass().getName()
          + " cannot transform a data set");
    }
    return Optional.ofNullable((DataNormalization) normalizer);
  }
}

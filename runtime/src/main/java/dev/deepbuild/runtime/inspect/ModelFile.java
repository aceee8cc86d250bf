package dev.deepbuild.runtime.inspect;

import dev.deepbuild.runtime.data.Standardization;
import dev.deepbuild.runtime.io.ModelArchive;
import dev.deepbuild.runtime.io.ModelMetadata;
import dev.deepbuild.runtime.network.Networks;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A {@code model.zip} on its own, without its training data or {@code metrics.json}: the network,
 * its standardization and its {@link ModelMetadata} (class names, input schema, vocabulary), all
 * that evaluating it, training it further or predicting with it needs.
 */
public record ModelFile(Path file, TrainableNetwork net, Optional<Standardization> normalizer,
    ModelMetadata metadata) {

  /**
   * Reads {@code file}; the metadata first, so that a file without it, or with it in another
   * format version, fails at once with a message that names the file.
   *
   * @throws IOException naming {@code file} when it cannot be read
   */
  public static ModelFile load(Path file) throws IOException {
    ModelMetadata metadata = ModelArchive.metadata(file);
    try {
      return new ModelFile(file, Networks.load(file), ModelArchive.normalizer(file), metadata);
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read the saved model " + file + ": " + e.getMessage(), e);
    }
  }
}

package dev.deepbuild.runtime.io;

import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.runtime.data.Standardization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Collections;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.api.Model;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;

/**
 * The trained model file: DL4J's zip of configuration, weights and updater state (so training can
 * resume), plus the standardization when the model has one, which {@link #normalizer} reads back,
 * and DeepBuild's {@link ModelMetadata} as {@value ModelMetadata#ENTRY}, which {@link #metadata}
 * reads back. The same for every kind of DL4J network; DL4J's {@code ModelSerializer} reads the
 * file as its own, ignoring the extra entry.
 */
public final class ModelArchive {
  private ModelArchive() {}

  /** Writes {@code target} atomically, with {@code metadata} when present. */
  public static void write(Model net, Optional<? extends Normalizer<?>> normalizer,
      Optional<ModelMetadata> metadata, Path target) throws IOException {
    // writeModel(net, file, true, normalizer) fails in 1.0.0-M2.1 ("flush() failed: stream is
    // closed"), so the normalizer is added to the written zip in a second step.
    AtomicFiles.write(target, file -> {
      ModelSerializer.writeModel(net, file.toFile(), true);
      normalizer.ifPresent(n -> ModelSerializer.addNormalizerToModel(file.toFile(), n));
      if (metadata.isPresent()) {
        addEntry(file, ModelMetadata.ENTRY, ModelMetadataJson.toBytes(metadata.get()));
      }
    });
  }

  /**
   * The standardization saved in {@code file}: of one input, or of each of several; empty when the
   * model has none.
   *
   * @throws IOException when it cannot be read, or is a normalizer that cannot transform a data set
   */
  public static Optional<Standardization> normalizer(Path file) throws IOException {
    Normalizer<?> normalizer = ModelSerializer.restoreNormalizerFromFile(file.toFile());
    if (normalizer == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(new Standardization(normalizer));
    } catch (IllegalArgumentException notOne) {
      throw new IOException("its normalizer " + normalizer.getClass().getName()
          + " cannot transform a data set", notOne);
    }
  }

  /**
   * The metadata saved in {@code file}.
   *
   * @throws IOException naming {@code file} when it has none, has it in another format version, or
   *     it cannot be read
   */
  public static ModelMetadata metadata(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry(ModelMetadata.ENTRY);
      if (entry == null) {
        throw new IOException(file + " has no " + ModelMetadata.ENTRY + ", so it does not say"
            + " what its outputs and inputs are: it was saved by a DeepBuild before format "
            + ModelMetadata.FORMAT + " or by plain DL4J. Run mvn dl:train to save the model again.");
      }
      try (InputStream in = zip.getInputStream(entry)) {
        return ModelMetadataJson.read(in);
      } catch (IOException e) {
        throw new IOException("cannot read " + ModelMetadata.ENTRY + " in " + file + ": "
            + e.getMessage() + ". Run mvn dl:train to save the model again.", e);
      }
    }
  }

  /**
   * Adds one entry to a finished zip by copying it with the entry added. The entry gets no folder
   * entry of its own: DL4J's reader refuses a zip that holds a folder (which Java's zip file
   * system would add).
   */
  private static void addEntry(Path zip, String name, byte[] content) throws IOException {
    Path copy = zip.resolveSibling(zip.getFileName() + ".entry");
    try {
      try (ZipFile in = new ZipFile(zip.toFile());
          ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(copy))) {
        for (ZipEntry entry : Collections.list(in.entries())) {
          out.putNextEntry(new ZipEntry(entry.getName()));
          try (InputStream data = in.getInputStream(entry)) {
            data.transferTo(out);
          }
          out.closeEntry();
        }
        out.putNextEntry(new ZipEntry(name));
        out.write(content);
        out.closeEntry();
      }
      Files.move(copy, zip, StandardCopyOption.REPLACE_EXISTING);
    } finally {
      Files.deleteIfExists(copy);
    }
  }
}

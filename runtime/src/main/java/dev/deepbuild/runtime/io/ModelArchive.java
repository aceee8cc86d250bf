package dev.deepbuild.runtime.io;

import dev.deepbuild.build.io.AtomicFiles;
import dev.deepbuild.runtime.data.Standardization;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;
import org.nd4j.linalg.dataset.api.preprocessor.serializer.NormalizerSerializer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The trained model file: DL4J's zip of configuration, weights and updater state (so training can
 * resume), plus the standardization when the model has one, which {@link #normalizer} reads back,
 * and DeepBuild's {@link ModelMetadata} as {@value ModelMetadata#ENTRY}, which {@link #metadata}
 * reads back. The same for every kind of DL4J network; DL4J's {@code ModelSerializer} reads the
 * file as its own, ignoring the extra entry.
 */
public final class ModelArchive {
  private ModelArchive() {}

  /**
   * What DL4J's {@code ModelSerializer} saves of a network: its configuration as JSON, its
   * parameters and its updater's state (null or empty when the updater keeps none).
   */
  public record Content(String configuration, INDArray parameters, INDArray updaterState) {
    /** The same content in arrays of its own, which later training steps leave as they are. */
    public Content copy() {
      return new Content(configuration, parameters.dup(),
          updaterState == null ? null : updaterState.dup());
    }
  }

  /**
   * Writes {@code target} atomically in one pass, with {@code normalizer} and {@code metadata} when
   * present. The entries are {@code ModelSerializer}'s, byte for byte, so DL4J reads the file as
   * its own; the arrays are stored, not deflated: deflating them saved 6-7% of their size and cost
   * five times as long as the rest of a checkpoint (Reuters's 5 MB: 150 ms against 30 ms), which
   * {@code ModelSerializer}'s writer then doubled by copying the zip to add each further entry.
   */
  public static void write(Content content, Optional<? extends Normalizer<?>> normalizer,
      Optional<ModelMetadata> metadata, Path target) throws IOException {
    AtomicFiles.write(target, file -> {
      try (ZipOutputStream zip = new ZipOutputStream(
          new BufferedOutputStream(Files.newOutputStream(file), 1 << 16))) {
        deflated(zip, ModelSerializer.CONFIGURATION_JSON,
            content.configuration().getBytes(StandardCharsets.UTF_8));
        stored(zip, ModelSerializer.COEFFICIENTS_BIN, bytes(content.parameters()));
        if (content.updaterState() != null && content.updaterState().length() > 0) {
          stored(zip, ModelSerializer.UPDATER_BIN, bytes(content.updaterState()));
        }
        if (normalizer.isPresent()) {
          ByteArrayOutputStream written = new ByteArrayOutputStream();
          NormalizerSerializer.getDefault().write(normalizer.get(), written);
          deflated(zip, ModelSerializer.NORMALIZER_BIN, written.toByteArray());
        }
        if (metadata.isPresent()) {
          deflated(zip, ModelMetadata.ENTRY, ModelMetadataJson.toBytes(metadata.get()));
        }
      }
    });
  }

  /**
   * An array as {@code ModelSerializer} writes it: {@link Nd4j#write(INDArray, DataOutputStream)}.
   */
  private static byte[] bytes(INDArray array) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(
        Math.toIntExact(Math.min(Integer.MAX_VALUE - 8, array.length() * 4 + 256)));
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      Nd4j.write(array, out);
    }
    return bytes.toByteArray();
  }

  private static void deflated(ZipOutputStream zip, String name, byte[] content)
      throws IOException {
    zip.putNextEntry(new ZipEntry(name));
    zip.write(content);
    zip.closeEntry();
  }

  private static void stored(ZipOutputStream zip, String name, byte[] content) throws IOException {
    ZipEntry entry = new ZipEntry(name);
    CRC32 crc = new CRC32();
    crc.update(content);
    entry.setMethod(ZipEntry.STORED);
    entry.setSize(content.length);
    entry.setCompressedSize(content.length);
    entry.setCrc(crc.getValue());
    zip.putNextEntry(entry);
    zip.write(content);
    zip.closeEntry();
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
}

package dev.deepbuild.runtime.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.util.ModelSerializer;

/**
 * Where the training path gets its saved networks: a new one comes from its {@link
 * NetworkConfiguration#create}, a saved one from here, as the kind it was saved as.
 */
public final class Networks {
  private Networks() {}

  /**
   * The network {@link TrainableNetwork#save} wrote to {@code file}, sequential or graph as it was
   * saved, without its updater state, which only resuming training needs.
   */
  public static TrainableNetwork load(Path file) throws IOException {
    return isGraph(file)
        ? new GraphNetwork(ModelSerializer.restoreComputationGraph(file.toFile(), false))
        : new SequentialNetwork(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false));
  }

  /** A graph's saved configuration names its vertices; a sequential one lists its layers. */
  static boolean isGraph(Path file) throws IOException {
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry entry = zip.getEntry(ModelSerializer.CONFIGURATION_JSON);
      if (entry == null) {
        throw new IOException("it has no " + ModelSerializer.CONFIGURATION_JSON
            + ", so it is no DL4J model");
      }
      try (InputStream json = zip.getInputStream(entry)) {
        return new ObjectMapper().readTree(json).has("vertices");
      }
    }
  }
}

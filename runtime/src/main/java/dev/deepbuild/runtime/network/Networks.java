package dev.deepbuild.runtime.network;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Where the training path gets its networks: a new one from a model's configuration, or a saved
 * one from its file. The one place that picks a {@link TrainableNetwork} implementation.
 */
public final class Networks {
  private Networks() {}

  /**
   * A new, initialized sequential network of {@code conf}, with ND4J's global random generator
   * seeded with {@code seed} first, so that the final model and every cross-validation fold start
   * alike.
   */
  public static TrainableNetwork create(MultiLayerConfiguration conf, long seed) {
    Nd4j.getRandom().setSeed(seed);
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return new SequentialNetwork(net);
  }

  /**
   * A new, initialized graph network of {@code conf}, seeded as {@link
   * #create(MultiLayerConfiguration, long)} seeds a sequential one.
   */
  public static TrainableNetwork create(ComputationGraphConfiguration conf, long seed) {
    Nd4j.getRandom().setSeed(seed);
    ComputationGraph graph = new ComputationGraph(conf);
    graph.init();
    return new GraphNetwork(graph);
  }

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
  private static boolean isGraph(Path file) throws IOException {
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

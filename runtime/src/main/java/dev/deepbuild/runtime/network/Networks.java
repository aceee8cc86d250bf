package dev.deepbuild.runtime.network;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
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
   * A new, initialized network of {@code conf}, with ND4J's global random generator seeded with
   * {@code seed} first, so that the final model and every cross-validation fold start alike.
   */
  public static TrainableNetwork create(MultiLayerConfiguration conf, long seed) {
    Nd4j.getRandom().setSeed(seed);
    MultiLayerNetwork net = new MultiLayerNetwork(conf);
    net.init();
    return new SequentialNetwork(net);
  }

  /**
   * The network {@link TrainableNetwork#save} wrote to {@code file}, without its updater state,
   * which only resuming training needs.
   */
  public static TrainableNetwork load(Path file) throws IOException {
    return new SequentialNetwork(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false));
  }
}

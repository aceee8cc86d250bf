package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * last.zip and best.zip follow the training at most an interval behind, and are the final and the
 * best epoch's at the end.
 */
class CheckpointsTest {
  private static final long SECOND = 1_000_000_000L;

  @TempDir Path folder;
  private final AtomicLong now = new AtomicLong();

  @Test
  void lastIsWrittenFirstThenOncePerIntervalAndAfterTheFinalEpoch() throws IOException {
    Checkpoints checkpoints = new Checkpoints("blobs", folder, Optional.empty(), Optional.empty(),
        now::get, 10 * SECOND);
    TrainableNetwork net = NetworkConfiguration.of(
        Networks.dense(1, 4, 8, 3, Activation.SOFTMAX, LossFunction.MCXENT, 1)).create(1);
    Path last = folder.resolve("last.zip");

    checkpoints.saveLast(net, false);
    byte[] first = Files.readAllBytes(last);
    changeWeights(net);
    now.set(9 * SECOND);
    checkpoints.saveLast(net, false);
    assertEquals(new String(first, "ISO-8859-1"), read(last), "written within the interval");

    now.set(10 * SECOND);
    checkpoints.saveLast(net, false);
    byte[] second = Files.readAllBytes(last);
    assertNotEquals(new String(first, "ISO-8859-1"), new String(second, "ISO-8859-1"));

    changeWeights(net);
    now.set(11 * SECOND);
    checkpoints.saveLast(net, true);
    assertNotEquals(new String(second, "ISO-8859-1"), read(last), "the final epoch is always written");
  }

  @Test
  void aBetterEpochWithinTheIntervalWaitsInMemoryAndIsWrittenWhenDueOrAtTheEnd()
      throws IOException {
    Checkpoints checkpoints = new Checkpoints("blobs", folder, Optional.empty(), Optional.empty(),
        now::get, 10 * SECOND);
    TrainableNetwork net = NetworkConfiguration.of(
        Networks.dense(1, 4, 8, 3, Activation.SOFTMAX, LossFunction.MCXENT, 1)).create(1);
    Path best = folder.resolve("best.zip");

    checkpoints.saveBest(net);
    checkpoints.saveLast(net, false);
    String first = read(best);
    changeWeights(net);
    now.set(2 * SECOND);
    checkpoints.saveBest(net);
    INDArray better = net.parameters().dup();
    changeWeights(net);
    now.set(4 * SECOND);
    checkpoints.saveLast(net, false);
    assertEquals(first, read(best), "a better epoch within the interval waits");

    now.set(10 * SECOND);
    checkpoints.saveLast(net, false);
    assertEquals(better, restoredParameters(best), "written once the interval has passed");

    changeWeights(net);
    now.set(11 * SECOND);
    checkpoints.saveBest(net);
    INDArray latestBest = net.parameters().dup();
    changeWeights(net);
    checkpoints.saveLast(net, true);
    assertEquals(latestBest, restoredParameters(best),
        "the best epoch is written when training ends");
    assertNotEquals(latestBest, restoredParameters(folder.resolve("last.zip")));
  }

  private static INDArray restoredParameters(Path file) throws IOException {
    return ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false).params();
  }

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), "ISO-8859-1");
  }

  private static void changeWeights(TrainableNetwork net) {
    net.setParameters(net.parameters().addi(0.5));
  }
}

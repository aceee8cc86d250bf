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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** last.zip follows the training at most an interval behind, and is the final epoch's at the end. */
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

  private static String read(Path file) throws IOException {
    return new String(Files.readAllBytes(file), "ISO-8859-1");
  }

  private static void changeWeights(TrainableNetwork net) {
    net.setParameters(net.parameters().addi(0.5));
  }
}

package dev.deepbuild.runtime.fork;

import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;

/**
 * A model whose network cannot be built: a bug in the user's code, as training meets it. It leaves
 * a thread behind that would keep the JVM alive, as DL4J's threads do.
 */
public final class CrashingModel implements ModelDefinition {
  /** Not ASCII, so that a fork writing another charset than the build reads would garble it. */
  static final String MESSAGE = "no network for the blobs: ünïcödé ✓";

  @Override
  public ModelSpec spec() {
    return BlobsModel.named("crashing");
  }

  @Override
  public NetworkConfiguration network(int inputs) {
    Thread lingering = new Thread(() -> {
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }, "lingering");
    lingering.setDaemon(false);
    lingering.start();
    throw new IllegalStateException(MESSAGE);
  }
}

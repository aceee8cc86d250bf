package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.data.Batches;
import java.util.function.IntConsumer;

/**
 * How one epoch's minibatches train a network: one after another in this JVM, or on a backend
 * that spreads them (Spark); the epoch loop measures, checkpoints and stops the same either way.
 */
@FunctionalInterface
public interface EpochFit {
  /**
   * Trains the network on the next epoch of {@code epochs}, in their seeded order.
   *
   * @param progress told the number of rows fitted so far
   */
  void epoch(Batches.Epochs epochs, IntConsumer progress);
}

package dev.deepbuild.runtime.network;

import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.layers.BaseLayer;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.transferlearning.FineTuneConfiguration;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * What DL4J applies to a pretrained base's layers, for a sequential head and a graph's alike: the
 * head's optimizer, at the fine-tuning rate when one is given. The head's layers keep the
 * optimizer the generated code set on each.
 */
final class FineTuning {
  private FineTuning() {}

  /**
   * @param head the head's layers, the first with an optimizer giving the base's
   * @param rate the base's trained layers' learning rate, NaN for the head's own
   */
  static FineTuneConfiguration of(Stream<Layer> head, double rate, long seed) {
    FineTuneConfiguration.Builder tuning = new FineTuneConfiguration.Builder().seed(seed);
    updater(head).ifPresent(updater -> {
      IUpdater base = updater.clone();
      if (!Double.isNaN(rate)) {
        base.setLrAndSchedule(rate, null);
      }
      tuning.updater(base);
    });
    return tuning.build();
  }

  private static Optional<IUpdater> updater(Stream<Layer> head) {
    return head.filter(layer -> layer instanceof BaseLayer baseLayer
            && baseLayer.getIUpdater() != null)
        .map(layer -> ((BaseLayer) layer).getIUpdater()).findFirst();
  }
}

package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.data.PreparedData;
import dev.deepbuild.runtime.network.FeatureExtraction;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.Locale;
import java.util.Optional;

/**
 * The one rule of what training fits: a network on a frozen pretrained base trains its head on
 * the base's outputs, computed once per split (Keras's fast feature extraction), since its base
 * gives the same outputs every epoch; any other network trains as it is. The saved model is the
 * whole network either way. (Augmented inputs differ every epoch: a model that augments will
 * train as it is.)
 *
 * @param network what the epoch loop fits and measures
 * @param data the splits it fits and measures on
 */
record FastFeatures(TrainableNetwork network, PreparedData data) {

  static FastFeatures of(String model, TrainableNetwork created, PreparedData data,
      TrainingLog log) {
    Optional<FeatureExtraction> extraction = created.frozenFeatures();
    if (extraction.isEmpty()) {
      return new FastFeatures(created, data);
    }
    long start = System.nanoTime();
    PreparedData features = data.map(extraction.get()::features);
    log.info(String.format(Locale.ROOT, "%s: the pretrained base is frozen, so its outputs are"
        + " computed once per split (%.1f s) and the head trains on them", model,
        (System.nanoTime() - start) / 1e9));
    return new FastFeatures(extraction.get().head(), features);
  }
}

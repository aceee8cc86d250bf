package dev.deepbuild.runtime.train;

import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.runtime.data.Batches;
import dev.deepbuild.runtime.data.PreparedData;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.FeatureExtraction;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The one rule of what training fits: a network on a frozen pretrained base trains its head on
 * the base's outputs, computed once per split (Keras's fast feature extraction), since its base
 * gives the same outputs every epoch; any other network trains as it is, and so does one whose
 * training images are augmented, since they differ every epoch. The saved model is the whole
 * network either way.
 *
 * @param network what the epoch loop fits and measures
 * @param data the splits it fits and measures on
 */
record FastFeatures(TrainableNetwork network, PreparedData data) {

  static FastFeatures of(ModelSpec spec, TrainableNetwork created, PreparedData data,
      TrainingLog log) {
    Optional<FeatureExtraction> extraction = created.frozenFeatures();
    if (extraction.isEmpty() || spec.augmentation() != null) {
      return new FastFeatures(created, data);
    }
    long start = System.nanoTime();
    PreparedData features = data.map(split -> features(split, extraction.get(), spec.batchSize()));
    log.info(String.format(Locale.ROOT, "%s: %s computed once per split (%.1f s) and the layers"
        + " after them train on them", spec.name(), extraction.get().computed(),
        (System.nanoTime() - start) / 1e9));
    return new FastFeatures(extraction.get().head(), features);
  }

  /**
   * The base's outputs for every row of a split, in order, with their labels, held in memory. The
   * split hands over {@link Batches#rowsPerPass} rows at a time, which bounds the inputs in memory
   * (images are built per chunk); how many of them go through the base in one pass is the
   * extraction's own rule.
   */
  private static Batches features(Batches split, FeatureExtraction extraction, int batchSize) {
    List<MultiDataSet> chunks = new ArrayList<>();
    // A split may hand out its chunks in buffers it reuses: the base's outputs are new arrays,
    // the labels are copied.
    split.inOrder(split.rowsPerPass(batchSize), chunk -> {
      MultiDataSet features = extraction.features(chunk);
      for (int i = 0; i < features.numLabelsArrays(); i++) {
        features.setLabels(i, features.getLabels(i).dup());
      }
      chunks.add(features);
    });
    return Batches.inMemory(org.nd4j.linalg.dataset.MultiDataSet.merge(chunks));
  }
}

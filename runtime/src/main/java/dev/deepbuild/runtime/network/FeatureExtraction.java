package dev.deepbuild.runtime.network;

import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * Keras's fast feature extraction: a network whose base is frozen trains its head on the base's
 * outputs, computed once per split instead of once per epoch, since a frozen base gives the same
 * outputs for the same inputs (DL4J runs frozen layers in inference mode, without dropout); a base
 * whose top layers are fine-tuned trains them and the head on the outputs of its frozen layers
 * alike. It applies only where a split's inputs stay the same across epochs, so not with
 * augmentation.
 */
public interface FeatureExtraction {

  /** What is computed once, for the log: {@code the pretrained base is frozen, so its outputs are}. */
  String computed();

  /** The base's outputs for {@code data}'s features, with its labels: what the head trains on. */
  MultiDataSet features(MultiDataSet data);

  /**
   * The head, which fits, measures and restores parameters on {@link #features} and saves the
   * whole network, base and head, as training without the cache would have.
   */
  TrainableNetwork head();
}

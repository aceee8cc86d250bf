package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.InvalidInputException;
import java.nio.file.Path;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The user's Keras HDF5 files as DL4J graphs. Keras import ({@code deeplearning4j-modelimport})
 * needs HDF5's natives, which the runtime does not ship yet, per platform as it does ND4J's: until
 * it does, a Keras base is checked as far as its file and then refused with that reason.
 */
final class KerasBases {
  private KerasBases() {}

  static ComputationGraph load(Path file) {
    throw new InvalidInputException("the Keras file " + file + " is there, but this build of"
        + " DeepBuild cannot import Keras models yet (deeplearning4j-modelimport and HDF5's"
        + " natives are not on its class path); build on a model of your own with"
        + " @Pretrained(model = ...) instead.");
  }
}

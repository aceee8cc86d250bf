package dev.deepbuild.runtime.pretrained;

import dev.deepbuild.annotations.PretrainedModel;
import dev.deepbuild.runtime.InvalidInputException;
import org.deeplearning4j.nn.graph.ComputationGraph;

/**
 * The catalog's pretrained networks, imported into DL4J with their weights. This build does not
 * include the import yet: every call says so.
 */
public final class CatalogBases {
  private CatalogBases() {}

  /**
   * The network {@code model} for images of {@code height x width} pixels scaled to [0, 1]; without
   * its top, it ends at its last feature map.
   *
   * @throws InvalidInputException always, in this build
   */
  public static ComputationGraph load(
      PretrainedModel model, int height, int width, boolean includeTop) {
    throw new InvalidInputException("the pretrained model " + model + " is not available in this"
        + " build of DeepBuild; build on a model of your own with @Pretrained(model = ...) instead.");
  }
}

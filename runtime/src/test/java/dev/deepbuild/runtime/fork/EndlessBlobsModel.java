package dev.deepbuild.runtime.fork;

import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;

/** {@link BlobsModel} with validation data and more epochs than any test waits for: one to kill. */
public final class EndlessBlobsModel implements ModelDefinition {
  private final BlobsModel blobs = new BlobsModel();

  @Override
  public ModelSpec spec() {
    ModelSpec spec = blobs.spec();
    return ModelSpec.builder("endless-blobs").declaredBy("test.EndlessBlobs").seed(spec.seed())
        .data(spec.data()).split(0.25, 0.25).classification(2).epochs(1_000_000)
        .batchSize(spec.batchSize()).build();
  }

  @Override
  public NetworkConfiguration network(int inputs) {
    return blobs.network(inputs);
  }
}

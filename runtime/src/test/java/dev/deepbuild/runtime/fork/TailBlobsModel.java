package dev.deepbuild.runtime.fork;

import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;

/** {@link BlobsModel} under another name: a model that trains after one that fails. */
public final class TailBlobsModel implements ModelDefinition {
  @Override
  public ModelSpec spec() {
    return BlobsModel.named("tail-blobs");
  }

  @Override
  public NetworkConfiguration network(int inputs) {
    return new BlobsModel().network(inputs);
  }
}

package dev.deepbuild.runtime.fork;

import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import java.util.ArrayList;
import java.util.List;

/** A model that holds on to memory until the heap is exhausted. */
public final class HoggingModel implements ModelDefinition {
  @Override
  public ModelSpec spec() {
    return BlobsModel.named("hogging");
  }

  @Override
  public NetworkConfiguration network(int inputs) {
    List<long[]> held = new ArrayList<>();
    while (true) {
      held.add(new long[1 << 20]);
    }
  }
}

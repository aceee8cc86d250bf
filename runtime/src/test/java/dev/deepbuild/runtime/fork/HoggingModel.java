package dev.deepbuild.runtime.fork;

import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import java.util.ArrayList;
import java.util.List;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/** A model that holds on to memory until the heap is exhausted. */
public final class HoggingModel implements ModelDefinition {
  @Override
  public ModelSpec spec() {
    return BlobsModel.named("hogging");
  }

  @Override
  public MultiLayerConfiguration network(int inputs) {
    List<long[]> held = new ArrayList<>();
    while (true) {
      held.add(new long[1 << 20]);
    }
  }
}

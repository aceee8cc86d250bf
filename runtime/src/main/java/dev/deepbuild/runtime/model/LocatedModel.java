package dev.deepbuild.runtime.model;

import dev.deepbuild.runtime.network.BaseLocations;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import java.util.Optional;

/**
 * A model whose network finds its pretrained base's files in {@code where}: what training,
 * evaluation, summaries and fingerprints use, since the generated code names a base's files but
 * not the folders they are in.
 */
public record LocatedModel(ModelDefinition model, BaseLocations where) implements ModelDefinition {

  /** {@code model} located in {@code where}, once. */
  public static ModelDefinition of(ModelDefinition model, BaseLocations where) {
    return model instanceof LocatedModel located && located.where().equals(where)
        ? model : new LocatedModel(model instanceof LocatedModel located ? located.model() : model,
            where);
  }

  @Override
  public ModelSpec spec() {
    return model.spec();
  }

  @Override
  public NetworkConfiguration network(int inputs) {
    return model.network(inputs).locatedIn(where);
  }

  @Override
  public Optional<String> baseModel() {
    return model.baseModel();
  }
}

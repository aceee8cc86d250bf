package dev.deepbuild.runtime.model;

import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.select.BasesFirst;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The models a build's goal works on: those named, in the order named, or all of them, in the
 * order {@link BasesFirst} gives.
 */
public final class ModelSelection {
  private ModelSelection() {}

  /** @throws DeepBuildException when a name is not a model of the build, listing those that are */
  public static List<ModelDefinition> select(Map<String, ModelDefinition> models, List<String> names) {
    if (names.isEmpty()) {
      return basesFirst(List.copyOf(models.values()));
    }
    List<ModelDefinition> selected = new ArrayList<>();
    for (String name : names) {
      ModelDefinition model = models.get(name);
      if (model == null) {
        throw new DeepBuildException("No model is named '" + name + "'; the models of this build are "
            + (models.isEmpty() ? "none" : String.join(", ", models.keySet()))
            + ". Fix -Ddl.models (or <models> in the plugin's configuration)");
      }
      selected.add(model);
    }
    return basesFirst(selected);
  }

  /** The models in their order, but each after the selected model it builds on. */
  static List<ModelDefinition> basesFirst(List<ModelDefinition> models) {
    return BasesFirst.order(models, model -> model.spec().name(), ModelDefinition::baseModel);
  }
}

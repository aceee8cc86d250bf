package dev.deepbuild.runtime.network;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * What a {@code @Custom} layer's annotation declares, as the processor inferred it: the feature
 * counts it takes and gives, and its parameters. The generated code lists one per custom layer
 * for {@link NetworkConfiguration#declaring}.
 *
 * @param name the layer's or vertex's name, its field's
 * @param outputFeatures the width of its output
 * @param params the parameters it holds
 * @param inputFeatures the width of each of its inputs, one for a layer
 */
public record DeclaredLayer(
    String name, long outputFeatures, long params, List<Long> inputFeatures) {

  public DeclaredLayer {
    Objects.requireNonNull(name, "name");
    inputFeatures = List.copyOf(inputFeatures);
    if (inputFeatures.isEmpty()) {
      throw new IllegalArgumentException(name + " takes at least one input");
    }
  }

  public static DeclaredLayer of(
      String name, long outputFeatures, long params, long... inputFeatures) {
    return new DeclaredLayer(name, outputFeatures, params,
        Arrays.stream(inputFeatures).boxed().toList());
  }
}

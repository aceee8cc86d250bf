package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.summary.LayerTable;
import java.util.List;
import org.deeplearning4j.nn.conf.inputs.InputType;

/**
 * The one comparison of a custom layer's own code with its {@code @Custom} declaration, which
 * the compile-time shapes and summary rest on: its {@code getOutputType}, given the inputs the
 * processor inferred, gives the declared output, and it holds the declared parameters.
 */
final class CustomLayerCheck {

  private CustomLayerCheck() {}

  /** @throws InvalidInputException naming the field, the class and both shapes or counts */
  static void check(NetworkConfiguration conf, List<DeclaredLayer> declared) {
    for (DeclaredLayer layer : declared) {
      List<InputType> inputs = layer.inputFeatures().stream()
          .map(features -> (InputType) InputType.feedForward(features)).toList();
      CustomLayer built = conf.custom(layer.name(), inputs);
      String declaredShape = LayerTable.vector(layer.outputFeatures());
      String given = shape(built.outputType());
      if (!given.equals(declaredShape)) {
        throw new InvalidInputException("the custom layer '" + layer.name() + "' ("
            + built.className() + ") gives " + given + " from its getOutputType, but its"
            + " @Custom declares " + declaredShape + ", which the compile-time shapes and summary"
            + " use; make getOutputType return InputType.feedForward(" + layer.outputFeatures()
            + ") for inputs of " + shapes(inputs) + ", or set @Custom's units to what the layer"
            + " gives (0 for its input's shape).");
      }
      if (built.params() != layer.params()) {
        throw new InvalidInputException("the custom layer '" + layer.name() + "' ("
            + built.className() + ") holds " + built.params() + " parameters, but its @Custom"
            + " declares " + layer.params() + ", which the compile-time summary shows; set"
            + " params = " + built.params() + ".");
      }
    }
  }

  /** The shape in Keras's notation, as the summary writes it. */
  private static String shape(InputType type) {
    return type.getType() == InputType.Type.FF
        ? LayerTable.vector(type.arrayElementsPerExample()) : type.toString();
  }

  private static String shapes(List<InputType> inputs) {
    return String.join(" and ", inputs.stream().map(CustomLayerCheck::shape).toList());
  }
}

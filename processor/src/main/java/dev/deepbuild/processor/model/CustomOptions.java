package dev.deepbuild.processor.model;

import java.util.List;
import java.util.Objects;

/**
 * A {@code @Custom} layer or vertex: the user's class, which computes what the annotation
 * declares it gives; the runtime checks the class against the declaration once DL4J has built
 * the network.
 *
 * @param className the class's canonical name
 * @param simpleName the class's simple name, which DL4J's summary shows as the layer's type
 * @param base the DL4J type it extends
 * @param units the size of its output: 0 for its input's shape, N for a vector of N values
 * @param params the number of parameters it declares
 */
public record CustomOptions(
    String className, String simpleName, CustomKind base, int units, long params)
    implements LayerOptions {

  public CustomOptions {
    Objects.requireNonNull(className, "className");
    Objects.requireNonNull(simpleName, "simpleName");
    Objects.requireNonNull(base, "base");
    if (units < 0 || params < 0) {
      throw new IllegalArgumentException(
          "units and params are 0 or more: " + units + ", " + params);
    }
  }

  @Override
  public LayerKind kind() {
    return LayerKind.CUSTOM;
  }

  @Override
  public boolean joinsSeveral() {
    return base.vertex();
  }

  /** Its input's shape for {@code units = 0}, else a vector of {@code units} values. */
  @Override
  public Shape outputShape(Shape input) {
    return units == 0 ? input : Shape.vector(units);
  }

  /**
   * A vertex's output: for {@code units = 0}, the one shape its inputs have.
   *
   * @throws IllegalArgumentException when {@code units = 0} and the inputs' shapes differ
   */
  public Shape outputShape(List<Shape> inputs) {
    if (units == 0 && inputs.stream().distinct().count() > 1) {
      throw new IllegalArgumentException("units = 0 declares the shape of its inputs, and they"
          + " are " + String.join(" and ", inputs.stream().map(Shape::keras).toList()));
    }
    return outputShape(inputs.get(0));
  }

  @Override
  public Size parameters(Shape input) {
    return Size.of(params);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.custom(this);
  }
}

package dev.deepbuild.runtime.model;

import java.util.Objects;

/**
 * A named input of a functional model and the field of the data it reads.
 *
 * @param name the input's name, the graph's input vertex
 * @param field the data's field, such as a dataset's {@code title}
 * @param vectorization how the field's texts become features; null for a numeric field
 */
public record InputSpec(String name, String field, Vectorization vectorization) {
  public InputSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(field, "field");
  }

  /** An input named {@code name} that reads the field of the same name. */
  public static InputSpec named(String name) {
    return new InputSpec(name, name, null);
  }

  /** This input, reading {@code field} instead. */
  public InputSpec field(String field) {
    return new InputSpec(name, field, vectorization);
  }

  /** This input, its texts vectorized as {@code vectorization} says. */
  public InputSpec vectorize(Vectorization vectorization) {
    return new InputSpec(name, field, vectorization);
  }
}

package dev.deepbuild.runtime.model;

import java.util.List;
import java.util.Objects;

/**
 * A named input of a functional model and what of the data it reads: a text field, or a group of a
 * table's numeric columns.
 *
 * @param name the input's name, the graph's input vertex
 * @param field the data's field, such as a dataset's {@code title}; for a table's columns, the
 *     input's name
 * @param vectorization how the field's texts become features; null for numeric features
 * @param columns the header names of the table's columns it reads, in order; empty for a field
 */
public record InputSpec(String name, String field, Vectorization vectorization,
    List<String> columns) {
  public InputSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(field, "field");
    columns = List.copyOf(columns);
  }

  public InputSpec(String name, String field, Vectorization vectorization) {
    this(name, field, vectorization, List.of());
  }

  /** An input named {@code name} that reads the field of the same name. */
  public static InputSpec named(String name) {
    return new InputSpec(name, name, null);
  }

  /** This input, reading {@code field} instead. */
  public InputSpec field(String field) {
    return new InputSpec(name, field, vectorization, columns);
  }

  /** This input, its texts vectorized as {@code vectorization} says. */
  public InputSpec vectorize(Vectorization vectorization) {
    return new InputSpec(name, field, vectorization, columns);
  }

  /** This input, reading a table's numeric columns, by header name, as one feature vector. */
  public InputSpec columns(String... columns) {
    return new InputSpec(name, field, vectorization, List.of(columns));
  }
}

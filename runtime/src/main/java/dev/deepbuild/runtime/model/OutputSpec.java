package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.Task;
import java.util.Objects;

/**
 * A named output of a functional model and the field of the data it predicts.
 *
 * @param name the output's name, the graph's output layer and the prefix of its metrics
 * @param field the data's field, such as a dataset's {@code topic}
 * @param task what the output predicts
 * @param classes a classifier's declared number of classes, 0 to infer it from the data
 */
public record OutputSpec(String name, String field, Task task, int classes) {
  public OutputSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(field, "field");
    Objects.requireNonNull(task, "task");
  }

  /** A classifying output named {@code name} that predicts the field of the same name. */
  public static OutputSpec named(String name) {
    return new OutputSpec(name, name, Task.CLASSIFICATION, 0);
  }

  /** This output, predicting {@code field} instead. */
  public OutputSpec field(String field) {
    return new OutputSpec(name, field, task, classes);
  }

  /** This output as a classifier of {@code classes} classes, 0 to infer them. */
  public OutputSpec classification(int classes) {
    return new OutputSpec(name, field, Task.CLASSIFICATION, classes);
  }

  /** This output as a regressor. */
  public OutputSpec regression() {
    return new OutputSpec(name, field, Task.REGRESSION, 0);
  }
}

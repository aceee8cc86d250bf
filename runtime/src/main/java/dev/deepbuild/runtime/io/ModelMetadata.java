package dev.deepbuild.runtime.io;

import dev.deepbuild.annotations.Task;
import java.util.List;
import java.util.Objects;

/**
 * What a saved network needs beside its weights to be evaluated, trained further or used for
 * prediction without its training data: what its outputs mean and how its inputs are made. Saved
 * inside {@code model.zip} as {@value #ENTRY} ({@link ModelArchive}).
 *
 * @param deepbuildVersion the DeepBuild version that trained the model
 * @param model the model's name
 * @param task classification or regression
 * @param classNames the class values in output-index order; empty for regression
 * @param input how the network's input rows are made
 * @param vocabulary the text vocabulary's words in index order; empty for a model without one
 */
public record ModelMetadata(String deepbuildVersion, String model, Task task,
    List<String> classNames, InputSchema input, List<String> vocabulary) {
  /** The entry of {@code model.zip} that holds the metadata. */
  public static final String ENTRY = "deepbuild/model.json";
  /** The version of the entry's format, raised whenever a reader of an older one would misread it. */
  public static final int FORMAT = 1;

  public ModelMetadata {
    Objects.requireNonNull(deepbuildVersion, "deepbuildVersion");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(input, "input");
    classNames = List.copyOf(classNames);
    vocabulary = List.copyOf(vocabulary);
  }
}

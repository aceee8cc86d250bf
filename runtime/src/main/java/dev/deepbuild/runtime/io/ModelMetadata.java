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
 * @param inputs a functional model's named inputs, each with its own schema and vocabulary, in
 *     the network's order; empty for a sequential model ({@code input} and {@code vocabulary} are
 *     then the first input's)
 * @param outputs a functional model's named outputs, each with its task and classes, in the
 *     network's order; empty for a sequential model ({@code task} and {@code classNames} are then
 *     the first output's)
 */
public record ModelMetadata(String deepbuildVersion, String model, Task task,
    List<String> classNames, InputSchema input, List<String> vocabulary,
    List<NamedInput> inputs, List<NamedOutput> outputs) {
  /** The entry of {@code model.zip} that holds the metadata. */
  public static final String ENTRY = "deepbuild/model.json";
  /** The version of the entry's format, raised whenever a reader of an older one would misread it. */
  public static final int FORMAT = 2;
  /** The older format this DeepBuild still reads: that of models without named inputs. */
  public static final int FORMAT_WITHOUT_NAMED_INPUTS = 1;

  public ModelMetadata {
    Objects.requireNonNull(deepbuildVersion, "deepbuildVersion");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(task, "task");
    Objects.requireNonNull(input, "input");
    classNames = List.copyOf(classNames);
    vocabulary = List.copyOf(vocabulary);
    inputs = List.copyOf(inputs);
    outputs = List.copyOf(outputs);
  }

  /** The metadata of a sequential model: one input, one output. */
  public ModelMetadata(String deepbuildVersion, String model, Task task, List<String> classNames,
      InputSchema input, List<String> vocabulary) {
    this(deepbuildVersion, model, task, classNames, input, vocabulary, List.of(), List.of());
  }

  /**
   * A named input of a functional model.
   *
   * @param field the data's field it reads
   * @param schema how its rows are made
   * @param vocabulary its text vocabulary in index order
   */
  public record NamedInput(String name, String field, InputSchema schema, List<String> vocabulary) {
    public NamedInput {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(schema, "schema");
      vocabulary = List.copyOf(vocabulary);
    }
  }

  /**
   * A named output of a functional model.
   *
   * @param field the data's field it predicts
   * @param classNames its classes in output-index order; empty for a regressing output
   */
  public record NamedOutput(String name, String field, Task task, List<String> classNames) {
    public NamedOutput {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(field, "field");
      Objects.requireNonNull(task, "task");
      classNames = List.copyOf(classNames);
    }
  }
}

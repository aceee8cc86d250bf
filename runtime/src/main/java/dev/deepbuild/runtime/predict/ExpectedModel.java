package dev.deepbuild.runtime.predict;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.io.ModelMetadata;
import dev.deepbuild.runtime.text.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What the code that asks for a saved model knows of it, as generated from the model's class:
 * its name, task, number of classes and input, or a functional model's named inputs and outputs.
 * A saved file that says otherwise was trained from another declaration, and {@link #check}
 * refuses it: {@code ExpectedModel.named("imdb").classification(2).text(OutputMode.MULTI_HOT,
 * 10000, 0)}, or {@code ExpectedModel.named("tickets").textInput("title", OutputMode.MULTI_HOT,
 * 2000, 0).classificationOutput("topic", 46)}. What the class leaves to the data (a table's width,
 * a classifier's classes) is not checked. A model only {@link #named} may be of either kind.
 */
public final class ExpectedModel {
  private final String name;
  /** True for a sequential model, false for a functional one, null when either is taken. */
  private final Boolean sequential;
  private final Output output;
  private final Input input;
  private final List<Input> inputs;
  private final List<Output> outputs;

  /**
   * An input as the code knows it.
   *
   * @param name the input's name; empty for a sequential model's one input
   * @param kind the schema's kind; null for any
   * @param shape its {@link InputShape}; null when the data decides it
   */
  private record Input(String name, String kind, String shape) {
    static final Input ANY = new Input("", null, null);

    static Input of(String name, InputSchema schema) {
      return new Input(name, schema.kind(), InputShape.of(schema));
    }

    static Input table(String name, int width) {
      return new Input(name, "csv", width == 0 ? null : InputShape.rows(width));
    }
  }

  /**
   * An output as the code knows it.
   *
   * @param name the output's name; empty for a sequential model's one output
   * @param task its task; null for any
   * @param classes a classifier's number of classes; 0 when the data decides
   */
  private record Output(String name, Task task, int classes) {
    static final Output ANY = new Output("", null, 0);
  }

  private ExpectedModel(String name, Boolean sequential, Output output, Input input,
      List<Input> inputs, List<Output> outputs) {
    this.name = Objects.requireNonNull(name, "name");
    this.sequential = sequential;
    this.output = output;
    this.input = input;
    this.inputs = List.copyOf(inputs);
    this.outputs = List.copyOf(outputs);
  }

  /** The model of this name, of any kind, task and input. */
  public static ExpectedModel named(String name) {
    return new ExpectedModel(name, null, Output.ANY, Input.ANY, List.of(), List.of());
  }

  /** A classifier of {@code classes} classes; 0 when the data decides how many. */
  public ExpectedModel classification(int classes) {
    return sequential(new Output("", Task.CLASSIFICATION, classes), input);
  }

  public ExpectedModel regression() {
    return sequential(new Output("", Task.REGRESSION, 0), input);
  }

  /** Texts vectorized as {@code @TextVectorization} says; {@code sequenceLength} 0 for multi-hot. */
  public ExpectedModel text(OutputMode mode, int maxTokens, int sequenceLength) {
    return sequential(output, Input.of("", textSchema(mode, maxTokens, sequenceLength)));
  }

  /** Rows of a table's numbers, as many as the table's columns but the label. */
  public ExpectedModel table() {
    return table(0);
  }

  /** Rows of {@code width} numbers; {@code width} 0 when the table's columns decide it. */
  public ExpectedModel table(int width) {
    return sequential(output, Input.table("", width));
  }

  /** Images of this size, as the network takes them (after {@code @Resizing}). */
  public ExpectedModel image(int height, int width, int channels) {
    return sequential(output, Input.of("", new InputSchema.Image(height, width, channels, 1, 0)));
  }

  /** A functional model's next input: a text field vectorized as its {@code @TextVectorization}. */
  public ExpectedModel textInput(String input, OutputMode mode, int maxTokens,
      int sequenceLength) {
    return functional(Input.of(input, textSchema(mode, maxTokens, sequenceLength)), null);
  }

  /** A functional model's next input: rows of {@code width} numbers, 0 when the data decides. */
  public ExpectedModel tableInput(String input, int width) {
    return functional(Input.table(input, width), null);
  }

  /** A functional model's next input: images of this size, as the network takes them. */
  public ExpectedModel imageInput(String input, int height, int width, int channels) {
    return functional(Input.of(input, new InputSchema.Image(height, width, channels, 1, 0)), null);
  }

  /** A functional model's next output: a classifier of {@code classes}, 0 when the data decides. */
  public ExpectedModel classificationOutput(String output, int classes) {
    return functional(null, new Output(output, Task.CLASSIFICATION, classes));
  }

  /** A functional model's next output: a regressor. */
  public ExpectedModel regressionOutput(String output) {
    return functional(null, new Output(output, Task.REGRESSION, 0));
  }

  private static InputSchema.Text textSchema(OutputMode mode, int maxTokens, int sequenceLength) {
    return new InputSchema.Text(mode, maxTokens, sequenceLength, Tokenizer.TOKENIZER_VERSION);
  }

  private ExpectedModel sequential(Output output, Input input) {
    requireKind(true);
    return new ExpectedModel(name, true, output, input, List.of(), List.of());
  }

  private ExpectedModel functional(Input addedInput, Output addedOutput) {
    requireKind(false);
    List<Input> moreInputs = new ArrayList<>(inputs);
    List<Output> moreOutputs = new ArrayList<>(outputs);
    if (addedInput != null) {
      moreInputs.add(addedInput);
    }
    if (addedOutput != null) {
      moreOutputs.add(addedOutput);
    }
    return new ExpectedModel(name, false, output, input, moreInputs, moreOutputs);
  }

  private void requireKind(boolean sequentialCall) {
    if (sequential != null && sequential != sequentialCall) {
      throw new IllegalStateException(name + ": a model is sequential (classification, text, ...)"
          + " or functional (textInput, classificationOutput, ...), not both");
    }
  }

  public String name() {
    return name;
  }

  /**
   * Refuses {@code saved} when it is not this model.
   *
   * @param where the file's location, for the message
   * @param fix how to get the right file, the message's last words
   * @throws ModelMismatchException naming the model, the location, what differs and the fix
   */
  void check(ModelMetadata saved, String where, String fix) {
    if (!saved.model().equals(name)) {
      throw mismatch(where, "holds the model \"" + saved.model() + "\", not \"" + name + "\"", fix);
    }
    boolean savedSequential = saved.inputs().isEmpty();
    if (Boolean.TRUE.equals(sequential) && !savedSequential) {
      throw mismatch(where, "holds a functional model of " + saved.inputs().size()
          + " named inputs, which this predictor, of one input, cannot feed", fix);
    }
    if (Boolean.FALSE.equals(sequential) && savedSequential) {
      throw mismatch(where, "holds a sequential model of one input, but the code expects a"
          + " functional model of the inputs " + names(inputs, Input::name), fix);
    }
    if (savedSequential) {
      checkOutput(output, saved.task(), saved.classNames(), "", where, fix);
      checkInput(input, saved.input(), "", where, fix);
      return;
    }
    if (sequential == null) {
      return;
    }
    List<String> savedInputs = names(saved.inputs(), ModelMetadata.NamedInput::name);
    if (!savedInputs.equals(names(inputs, Input::name))) {
      throw mismatch(where, "has the inputs " + savedInputs + ", but the code expects "
          + names(inputs, Input::name) + ", in this order", fix);
    }
    List<String> savedOutputs = names(saved.outputs(), ModelMetadata.NamedOutput::name);
    if (!savedOutputs.equals(names(outputs, Output::name))) {
      throw mismatch(where, "has the outputs " + savedOutputs + ", but the code expects "
          + names(outputs, Output::name) + ", in this order", fix);
    }
    for (int i = 0; i < inputs.size(); i++) {
      checkInput(inputs.get(i), saved.inputs().get(i).schema(),
          " for its input \"" + inputs.get(i).name() + "\"", where, fix);
    }
    for (int i = 0; i < outputs.size(); i++) {
      ModelMetadata.NamedOutput savedOutput = saved.outputs().get(i);
      checkOutput(outputs.get(i), savedOutput.task(), savedOutput.classNames(),
          " for its output \"" + outputs.get(i).name() + "\"", where, fix);
    }
  }

  /**
   * The one rule for an output, a sequential model's or a named one: its task and classes.
   *
   * @param which empty for a sequential model, else {@code  for its output "topic"}
   */
  private void checkOutput(Output expected, Task task, List<String> classNames, String which,
      String where, String fix) {
    if (expected.task() != null && task != expected.task()) {
      throw mismatch(where, "was trained" + which + " for " + task + ", but the code expects "
          + expected.task(), fix);
    }
    if (expected.classes() > 0 && classNames.size() != expected.classes()) {
      throw mismatch(where, "was trained" + which + " on " + classNames.size() + " classes "
          + classNames + ", but the code expects " + expected.classes(), fix);
    }
  }

  /** The one rule for an input, a sequential model's or a named one: its kind and shape. */
  private void checkInput(Input expected, InputSchema schema, String which, String where,
      String fix) {
    String shape = InputShape.of(schema);
    boolean kind = expected.kind() == null || expected.kind().equals(schema.kind())
        || ("csv".equals(expected.kind()) && "provided".equals(schema.kind()));
    if (!kind || (expected.shape() != null && !expected.shape().equals(shape))) {
      throw mismatch(where, "was trained" + which + " on " + shape + ", but the code expects "
          + (expected.shape() != null ? expected.shape() : expected.kind() + " input"), fix);
    }
    if (schema instanceof InputSchema.Text text
        && text.tokenizerVersion() != Tokenizer.TOKENIZER_VERSION) {
      throw mismatch(where, "split its texts" + which + " with tokenizer version "
          + text.tokenizerVersion() + ", but this DeepBuild's tokenizer is version "
          + Tokenizer.TOKENIZER_VERSION + ", which would split new texts otherwise", fix);
    }
  }

  private static <T> List<String> names(List<T> items,
      java.util.function.Function<T, String> name) {
    return items.stream().map(name).toList();
  }

  private ModelMismatchException mismatch(String where, String what, String fix) {
    return new ModelMismatchException(name + ": " + where + " " + what + ". " + fix);
  }
}

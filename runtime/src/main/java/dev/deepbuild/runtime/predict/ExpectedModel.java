package dev.deepbuild.runtime.predict;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.io.ModelMetadata;
import dev.deepbuild.runtime.text.Tokenizer;
import java.util.Objects;

/**
 * What the code that asks for a saved model knows of it, as generated from the model's class:
 * its name, task, number of classes and input. A saved file that says otherwise was trained from
 * another declaration, and {@link #check} refuses it: {@code ExpectedModel.named("imdb")
 * .classification(2).text(OutputMode.MULTI_HOT, 10000, 0)}. What the class leaves to the data
 * (a table's width, a classifier's classes) is not checked.
 */
public final class ExpectedModel {
  private final String name;
  private final Task task;
  private final int classes;
  private final String inputKind;
  private final String inputShape;

  private ExpectedModel(String name, Task task, int classes, String inputKind, String inputShape) {
    this.name = Objects.requireNonNull(name, "name");
    this.task = task;
    this.classes = classes;
    this.inputKind = inputKind;
    this.inputShape = inputShape;
  }

  /** The model of this name, of any task and input. */
  public static ExpectedModel named(String name) {
    return new ExpectedModel(name, null, 0, null, null);
  }

  /** A classifier of {@code classes} classes; 0 when the data decides how many. */
  public ExpectedModel classification(int classes) {
    return new ExpectedModel(name, Task.CLASSIFICATION, classes, inputKind, inputShape);
  }

  public ExpectedModel regression() {
    return new ExpectedModel(name, Task.REGRESSION, 0, inputKind, inputShape);
  }

  /** Texts vectorized as {@code @TextVectorization} says; {@code sequenceLength} 0 for multi-hot. */
  public ExpectedModel text(OutputMode mode, int maxTokens, int sequenceLength) {
    return input(new InputSchema.Text(mode, maxTokens, sequenceLength,
        Tokenizer.TOKENIZER_VERSION));
  }

  /** Rows of a table's numbers, as many as the table's columns but the label. */
  public ExpectedModel table() {
    return table(0);
  }

  /** Rows of {@code width} numbers; {@code width} 0 when the table's columns decide it. */
  public ExpectedModel table(int width) {
    return width == 0 ? new ExpectedModel(name, task, classes, "csv", null)
        : new ExpectedModel(name, task, classes, "csv", InputShape.rows(width));
  }

  /** Images of this size, as the network takes them (after {@code @Resizing}). */
  public ExpectedModel image(int height, int width, int channels) {
    return input(new InputSchema.Image(height, width, channels, 1, 0));
  }

  private ExpectedModel input(InputSchema schema) {
    return new ExpectedModel(name, task, classes, schema.kind(), InputShape.of(schema));
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
    if (!saved.inputs().isEmpty()) {
      throw mismatch(where, "holds a functional model of " + saved.inputs().size()
          + " named inputs, which this predictor, of one input, cannot feed", fix);
    }
    if (task != null && saved.task() != task) {
      throw mismatch(where, "was trained for " + saved.task() + ", but the code expects " + task,
          fix);
    }
    if (classes > 0 && saved.classNames().size() != classes) {
      throw mismatch(where, "was trained on " + saved.classNames().size() + " classes "
          + saved.classNames() + ", but the code expects " + classes, fix);
    }
    InputSchema input = saved.input();
    String shape = InputShape.of(input);
    boolean kind = inputKind == null || inputKind.equals(input.kind())
        || ("csv".equals(inputKind) && "provided".equals(input.kind()));
    if (!kind || (inputShape != null && !inputShape.equals(shape))) {
      throw mismatch(where, "was trained on " + shape + ", but the code expects "
          + (inputShape != null ? inputShape : inputKind + " input"), fix);
    }
    if (input instanceof InputSchema.Text text
        && text.tokenizerVersion() != Tokenizer.TOKENIZER_VERSION) {
      throw mismatch(where, "split its texts with tokenizer version " + text.tokenizerVersion()
          + ", but this DeepBuild's tokenizer is version " + Tokenizer.TOKENIZER_VERSION
          + ", which would split new texts otherwise", fix);
    }
  }

  private ModelMismatchException mismatch(String where, String what, String fix) {
    return new ModelMismatchException(name + ": " + where + " " + what + ". " + fix);
  }
}

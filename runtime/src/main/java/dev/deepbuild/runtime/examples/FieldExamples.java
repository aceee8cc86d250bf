package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.OutputMode;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.data.LabelEncoder;
import dev.deepbuild.runtime.datasets.read.FieldedTexts;
import dev.deepbuild.runtime.datasets.read.LabelledTexts;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.network.NetworkOutput;
import dev.deepbuild.runtime.text.PreparedTextCache;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The samples of a functional model: each named input vectorizes the text field it reads, with a
 * vocabulary of the training rows of its own, and each named output encodes the label field it
 * predicts. The split is stratified by the first output's labels, as a sequential model's is.
 */
final class FieldExamples extends NamedExamples {
  private final FieldedTexts fields;
  private final String source;
  private final Optional<FixedTestSplit> fixedTestSplit;
  private final List<TextExamples> inputs = new ArrayList<>();

  FieldExamples(ModelSpec spec, FieldedTexts fields, String source,
      Optional<FixedTestSplit> fixedTestSplit, PreparedTextCache cache) {
    super(spec);
    this.fields = fields;
    this.source = source;
    this.fixedTestSplit = fixedTestSplit;
    List<String> strata = field(fields.labels(), spec.outputs().get(0).field(), "output");
    for (InputSpec input : spec.inputs()) {
      if (input.vectorization() == null) {
        throw new InvalidInputException(spec.name() + ": the input " + input.name() + " reads the"
            + " text field " + input.field() + " without a vectorization; annotate it with"
            + " @TextVectorization.");
      }
      LabelledTexts texts = LabelledTexts.byClassName(
          field(fields.texts(), input.field(), "input"), strata);
      inputs.add(new TextExamples(spec.name(), texts, source + " field " + input.field(),
          input.vectorization(), fixedTestSplit, cache));
    }
  }

  @Override
  public int size() {
    return fields.size();
  }

  @Override
  public List<Integer> inputWidths() {
    return inputs.stream().map(TextExamples::inputs).toList();
  }

  @Override
  public String description() {
    String described = spec.inputs().stream()
        .map(input -> input.name() + " (" + input.field() + ", " + input.vectorization().features()
            + " " + (input.vectorization().mode() == OutputMode.MULTI_HOT ? "multi-hot columns"
                : "-word sequences") + ")")
        .collect(Collectors.joining(", "));
    String outputs = spec.outputs().stream()
        .map(output -> output.name() + (output.name().equals(output.field()) ? ""
            : " (" + output.field() + ")"))
        .collect(Collectors.joining(", "));
    return size() + " texts from " + source + "; inputs " + described + "; outputs " + outputs;
  }

  @Override
  EncodedLabels encode(int index, int units) {
    OutputSpec output = spec.outputs().get(index);
    if (output.task() != Task.CLASSIFICATION) {
      throw new InvalidInputException(spec.name() + ": the output " + output.name() + " predicts"
          + " the text dataset's field " + output.field() + ", which holds classes; give it a"
          + " classification loss.");
    }
    return LabelEncoder.classes(spec.name() + " output " + output.name(),
        field(fields.labels(), output.field(), "output"), output.classes(), units);
  }

  @Override
  public Optional<FixedTestSplit> fixedTestSplit() {
    return fixedTestSplit;
  }

  @Override
  public List<Features> inputFeatures(int[] trainingRows) {
    return inputs.stream().map(input -> input.features(trainingRows)).toList();
  }

  /** The first input's schema; a saved model records one input's (see the architecture notes). */
  @Override
  public InputSchema schema() {
    return inputs.get(0).schema();
  }

  @Override
  public List<InputSchema> inputSchemas() {
    return inputs.stream().map(TextExamples::schema).toList();
  }

  private <T> List<T> field(java.util.Map<String, List<T>> values, String name, String role) {
    List<T> field = values.get(name);
    if (field == null) {
      throw new InvalidInputException(spec.name() + ": an " + role + " reads the field " + name
          + ", which " + source + " does not have; use one of " + values.keySet() + ".");
    }
    return field;
  }
}

package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.BuiltinDataset;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Labelled images as a functional model's examples: every input reads the images (the field
 * {@link BuiltinDataset#IMAGE_FIELD}), the same features, rescaled and augmented alike, and every
 * output predicts their classes ({@link BuiltinDataset#LABEL_FIELD}), encoded for its own layer.
 */
final class NamedImageExamples extends NamedExamples {
  private final ImageExamples images;

  private NamedImageExamples(ModelSpec spec, ImageExamples images) {
    super(spec);
    this.images = images;
    for (InputSpec input : spec.inputs()) {
      check(input.field(), BuiltinDataset.IMAGE_FIELD, "input " + input.name(), "images");
      if (input.vectorization() != null || !input.columns().isEmpty()) {
        throw new InvalidInputException(spec.name() + ": the input " + input.name() + " reads"
            + " images, which are neither texts to vectorize nor a table's columns; remove its"
            + " vectorization and columns.");
      }
    }
    for (OutputSpec output : spec.outputs()) {
      check(output.field(), BuiltinDataset.LABEL_FIELD, "output " + output.name(),
          "images' classes");
      if (output.task() != Task.CLASSIFICATION) {
        throw new InvalidInputException(spec.name() + ": the output " + output.name()
            + " predicts the images' classes; give it a classification loss.");
      }
    }
  }

  /** The images as the spec reads them: named fields for a functional model, else as they are. */
  static Examples of(ModelSpec spec, ImageExamples images) {
    return spec.functional() ? new NamedImageExamples(spec, images) : images;
  }

  private void check(String field, String expected, String role, String what) {
    if (!field.equals(expected)) {
      throw new InvalidInputException(spec.name() + ": the " + role + " reads the field "
          + field + ", but image data has the fields " + BuiltinDataset.IMAGE_FIELD + " and "
          + BuiltinDataset.LABEL_FIELD + "; read the " + what + " as " + expected + ".");
    }
  }

  @Override
  public int size() {
    return images.size();
  }

  @Override
  public List<Integer> inputWidths() {
    return Collections.nCopies(spec.inputs().size(), images.inputs());
  }

  @Override
  public String description() {
    String inputs = spec.inputs().stream().map(InputSpec::name).collect(Collectors.joining(", "));
    String outputs = spec.outputs().stream().map(OutputSpec::name)
        .collect(Collectors.joining(", "));
    return images.description() + "; inputs " + inputs + "; outputs " + outputs;
  }

  @Override
  EncodedLabels encode(int output, int units) {
    OutputSpec spec = this.spec.outputs().get(output);
    return images.labels(Task.CLASSIFICATION, spec.classes(), units);
  }

  @Override
  public Optional<FixedTestSplit> fixedTestSplit() {
    return images.fixedTestSplit();
  }

  /** The one image features for every input, so each minibatch is built once for all. */
  @Override
  public List<Features> inputFeatures(int[] trainingRows) {
    return Collections.nCopies(spec.inputs().size(), images.features(trainingRows));
  }

  @Override
  public InputSchema schema() {
    return images.schema();
  }

  @Override
  public List<InputSchema> inputSchemas() {
    return Collections.nCopies(spec.inputs().size(), images.schema());
  }
}

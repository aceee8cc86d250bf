package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.ArrayFeatures;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.data.ProvidedSource;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.network.NetworkOutput;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.api.MultiDataSet;

/**
 * The samples a functional model's {@code MultiDataProvider} returns: a features array per input
 * and a labels array per output, in the graph's order, all with a row per sample. A classifier's
 * labels are one-hot rows (or a 0/1 column), whose class indices stratify the split by the first
 * output; a regressor's are its target numbers.
 */
final class ProvidedExamples extends NamedExamples {
  private final ProvidedSource source;
  private final List<Features> inputs = new ArrayList<>();
  private final INDArray[] labels;
  private final int size;

  ProvidedExamples(ModelSpec spec, ProvidedSource source) {
    super(spec);
    this.source = source;
    MultiDataSet samples = source.samples(spec.name());
    INDArray[] features = samples.getFeatures();
    this.labels = samples.getLabels();
    check(features.length == spec.inputs().size(), "returned " + features.length
        + " features arrays for the " + spec.inputs().size() + " inputs " + names(true)
        + "; return one per @Input, in declaration order.");
    check(labels.length == spec.outputs().size(), "returned " + labels.length
        + " labels arrays for the " + spec.outputs().size() + " outputs " + names(false)
        + "; return one per @Output, in declaration order.");
    this.size = (int) features[0].size(0);
    for (int i = 0; i < features.length; i++) {
      String input = "the features of input " + spec.inputs().get(i).name();
      checkShape(features[i], input);
      inputs.add(new ArrayFeatures(features[i]));
    }
    for (int i = 0; i < labels.length; i++) {
      checkShape(labels[i], "the labels of output " + spec.outputs().get(i).name());
    }
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public List<Integer> inputWidths() {
    return inputs.stream().map(Features::columns).toList();
  }

  @Override
  public String description() {
    return size + " samples from " + source.describe() + "; inputs " + names(true)
        + "; outputs " + names(false);
  }

  @Override
  EncodedLabels encode(int output, int units) {
    OutputSpec spec = this.spec.outputs().get(output);
    INDArray array = labels[output];
    String what = "the labels of output " + spec.name();
    check(array.columns() == units, "returned " + what + " with " + array.columns()
        + " columns, but the output layer has " + units + " units; give it " + units
        + " columns, or change the layer's units.");
    double[][] values = array.castTo(DataType.DOUBLE).toDoubleMatrix();
    if (spec.task() == Task.REGRESSION) {
      return new EncodedLabels(values, new int[size], List.of());
    }
    int[] strata = new int[size];
    for (int r = 0; r < size; r++) {
      strata[r] = classOf(values[r], what, r);
    }
    int classes = units == 1 ? 2 : units;
    check(spec.classes() == 0 || spec.classes() == classes, "returned " + what + " of "
        + classes + " classes, but the output declares " + spec.classes() + ".");
    return new EncodedLabels(values, strata,
        IntStream.range(0, classes).mapToObj(Integer::toString).toList());
  }

  /** A one-hot row's class, or a 0/1 column's. */
  private int classOf(double[] row, String what, int index) {
    if (row.length == 1 && (row[0] == 0 || row[0] == 1)) {
      return (int) row[0];
    }
    int hot = -1;
    for (int c = 0; c < row.length; c++) {
      if (row[c] == 1 && hot < 0) {
        hot = c;
      } else if (row[c] != 0) {
        hot = -2;
      }
    }
    check(row.length > 1 && hot >= 0, "returned " + what + " with row " + index + " "
        + Arrays.toString(row) + ", which names no class; a classifier's labels are one-hot rows,"
        + " or a column of 0 and 1 for one sigmoid unit.");
    return hot;
  }

  @Override
  public Optional<FixedTestSplit> fixedTestSplit() {
    return Optional.empty();
  }

  /** The arrays learn nothing from their rows, so every split and fold shares them. */
  @Override
  public List<Features> inputFeatures(int[] trainingRows) {
    return inputs;
  }

  @Override
  public InputSchema schema() {
    return inputSchemas().get(0);
  }

  @Override
  public List<InputSchema> inputSchemas() {
    return inputs.stream().<InputSchema>map(input ->
        new InputSchema.Provided(source.provider().getName(), input.columns())).toList();
  }

  private void checkShape(INDArray array, String what) {
    check(array != null && array.rank() == 2, "returned " + what + " as "
        + (array == null ? "null" : "an array of rank " + array.rank()) + "; give it the shape"
        + " [samples, width].");
    check(array.size(0) == size, "returned " + what + " with " + array.size(0) + " rows, but the"
        + " first input's features have " + size + "; give every array a row per sample, in the"
        + " same order.");
  }

  private String names(boolean inputs) {
    return (inputs ? spec.inputs().stream().map(input -> input.name())
        : spec.outputs().stream().map(OutputSpec::name)).toList().toString();
  }

  private void check(boolean holds, String problem) {
    if (!holds) {
      throw new InvalidInputException(spec.name() + ": " + source.describe() + " " + problem);
    }
  }
}

package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.NetworkOutput;
import java.util.ArrayList;
import java.util.List;

/**
 * The samples of a functional model, whatever they are read from: each named output encodes its
 * own labels, the first output's stratify the split, and the first input stands for the model's
 * features where one set is asked for.
 */
abstract class NamedExamples implements Examples {
  protected final ModelSpec spec;

  NamedExamples(ModelSpec spec) {
    this.spec = spec;
  }

  /** Each input's width, in the spec's order, which a functional network states for each. */
  @Override
  public abstract List<Integer> inputWidths();

  /** The widths of all inputs together. */
  @Override
  public final int inputs() {
    return inputWidths().stream().mapToInt(Integer::intValue).sum();
  }

  /** The labels of output {@code output}, in the spec's order, for a layer of {@code units}. */
  abstract EncodedLabels encode(int output, int units);

  /** The first output's labels, which stratify the split. */
  @Override
  public final EncodedLabels labels(Task task, int declaredClasses, int outputUnits) {
    return encode(0, outputUnits);
  }

  @Override
  public final List<EncodedLabels> outputLabels(ModelSpec spec, List<NetworkOutput> outputs) {
    spec.checkOutputs(outputs.size());
    List<EncodedLabels> labels = new ArrayList<>();
    for (int i = 0; i < outputs.size(); i++) {
      labels.add(encode(i, outputs.get(i).units()));
    }
    return labels;
  }

  @Override
  public final Features features(int[] trainingRows) {
    return inputFeatures(trainingRows).get(0);
  }
}

package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.data.DataSplits;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.SplitIndices;
import dev.deepbuild.runtime.examples.Examples;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import java.util.Arrays;
import java.util.stream.IntStream;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;

/**
 * A model's network configuration and its data, ready to fit or evaluate: the examples read, the
 * labels encoded for the network's output layer, the split made and the features fitted on the
 * training rows. Training and evaluating a saved model start from the same inputs, so a saved model
 * is evaluated on exactly the test rows it was tested on.
 */
public record ModelInputs(
    ModelSpec spec,
    MultiLayerConfiguration conf,
    Examples examples,
    EncodedLabels labels,
    SplitIndices split,
    Features features) {

  public static ModelInputs prepare(ModelDefinition model, ExamplesReader reader) {
    ModelSpec spec = model.spec();
    Examples examples = reader.read(spec);
    MultiLayerConfiguration conf = model.network(examples.inputs());
    InputUnits.check(spec.name(), conf, examples.inputs());
    EncodedLabels labels = examples.labels(spec.task(), spec.classes(),
        OutputUnits.of(spec.name(), conf));
    SplitIndices split = DataSplits.of(spec, labels.strata(), examples.fixedTestSplit(),
        examples.fixedValidationRows());
    // K-fold validates within the training rows, so a learned vocabulary may see all of them.
    Features features = examples.features(spec.kFold() == null ? split.train() : trainingRows(split));
    return new ModelInputs(spec, conf, examples, labels, split, features);
  }

  /** The rows cross-validation works on: all but the test rows. */
  private static int[] trainingRows(SplitIndices split) {
    return IntStream.concat(Arrays.stream(split.train()), Arrays.stream(split.validation()))
        .sorted().toArray();
  }
}

package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.data.DataSplits;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.SplitIndices;
import dev.deepbuild.runtime.examples.Examples;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.incremental.RuntimeVersions;
import dev.deepbuild.runtime.io.ModelMetadata;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
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
    // Cross-validation fits each fold's own features (CrossValidation); these are the final model's.
    Features features = examples.features(split.train());
    return new ModelInputs(spec, conf, examples, labels, split, features);
  }

  /** What the model saved from these inputs needs to be used without them ({@code model.zip}). */
  public ModelMetadata metadata() {
    return new ModelMetadata(RuntimeVersions.deepbuildVersion(), spec.name(), spec.task(),
        labels.classNames(), examples.schema(), features.vocabulary());
  }
}

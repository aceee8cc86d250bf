package dev.deepbuild.runtime.train;

import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.DataSplits;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.ModelData;
import dev.deepbuild.runtime.data.SplitIndices;
import dev.deepbuild.runtime.examples.Examples;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.incremental.RuntimeVersions;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.io.ModelMetadata;
import dev.deepbuild.runtime.model.InputSpec;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import java.util.ArrayList;
import java.util.List;

/**
 * A model's network configuration and its data, ready to fit or evaluate: the examples read, the
 * labels of each output encoded for the network's output layers, the split made and each input's
 * features fitted on the training rows. Training and evaluating a saved model start from the same
 * inputs, so a saved model is evaluated on exactly the test rows it was tested on.
 *
 * @param outputLabels per output of the network, in its order, the encoded labels; the first
 *     stratifies the split
 * @param inputFeatures per input of the network, in its order, the features
 */
public record ModelInputs(
    ModelSpec spec,
    NetworkConfiguration conf,
    Examples examples,
    List<EncodedLabels> outputLabels,
    SplitIndices split,
    List<Features> inputFeatures) {

  public ModelInputs {
    outputLabels = List.copyOf(outputLabels);
    inputFeatures = List.copyOf(inputFeatures);
  }

  public static ModelInputs prepare(ModelDefinition model, ExamplesReader reader) {
    ModelSpec spec = model.spec();
    Examples examples = reader.read(spec);
    NetworkConfiguration conf = model.network(examples.inputs());
    conf.checkInputs(spec.name(), examples.inputWidths());
    List<EncodedLabels> labels = examples.outputLabels(spec, conf.outputs());
    SplitIndices split = DataSplits.of(spec, labels.get(0).strata(), examples.fixedTestSplit(),
        examples.fixedValidationRows());
    // Cross-validation fits each fold's own features (CrossValidation); these are the final model's.
    List<Features> features = forNetwork(spec.name(), conf, examples.inputFeatures(split.train()));
    return new ModelInputs(spec, conf, examples, labels, split, features);
  }

  /**
   * Each input's features in the form the network takes them: a multi-hot text's word indices
   * where a {@code MultiHotDense} takes it ({@link NetworkConfiguration#takesTokenIndices}), so
   * that no split of it is made dense, else its rows as they are.
   *
   * @throws InvalidInputException when such a layer takes an input that is no multi-hot text
   */
  static List<Features> forNetwork(String model, NetworkConfiguration conf,
      List<Features> features) {
    List<Features> taken = new ArrayList<>(features.size());
    for (int i = 0; i < features.size(); i++) {
      Features input = features.get(i);
      int number = i + 1;
      taken.add(conf.takesTokenIndices(i)
          ? input.tokenIndices().orElseThrow(() -> new InvalidInputException(model + ": input "
              + number + " is taken by a MultiHotDense layer, which takes multi-hot texts, but"
              + " its data is none; give it @TextVectorization(outputMode = MULTI_HOT) texts,"
              + " or use a DenseLayer."))
          : input);
    }
    return taken;
  }

  /** The labels of the first output: a sequential model's only one. */
  public EncodedLabels labels() {
    return outputLabels.get(0);
  }

  /** The features of the first input: a sequential model's only one. */
  public Features features() {
    return inputFeatures.get(0);
  }

  /** Every input's features and every output's labels, for the split to pick rows from. */
  public ModelData data() {
    return new ModelData(inputFeatures, outputLabels.stream().map(EncodedLabels::values).toList());
  }

  /** What the model saved from these inputs needs to be used without them ({@code model.zip}). */
  public ModelMetadata metadata() {
    List<ModelMetadata.NamedInput> inputs = new ArrayList<>();
    List<InputSchema> schemas = examples.inputSchemas();
    for (int i = 0; i < spec.inputs().size(); i++) {
      InputSpec input = spec.inputs().get(i);
      inputs.add(new ModelMetadata.NamedInput(input.name(), input.field(), schemas.get(i),
          inputFeatures.get(i).vocabulary()));
    }
    List<ModelMetadata.NamedOutput> outputs = new ArrayList<>();
    for (int i = 0; i < spec.outputs().size(); i++) {
      OutputSpec output = spec.outputs().get(i);
      outputs.add(new ModelMetadata.NamedOutput(output.name(), output.field(), output.task(),
          outputLabels.get(i).classNames()));
    }
    return new ModelMetadata(RuntimeVersions.deepbuildVersion(), spec.name(), spec.task(),
        labels().classNames(), examples.schema(), features().vocabulary(), inputs, outputs);
  }
}

package dev.deepbuild.runtime.network;

import dev.deepbuild.build.io.Sha256;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.transferlearning.TransferLearning;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A pretrained base as a head builds on it, whatever the head is ({@link TransferConfiguration}'s
 * sequential one or {@link GraphTransferConfiguration}'s graph): the base's layers up to its cut,
 * all frozen ({@code trainable = 0}, feature extraction) or its top {@code trainable} layers
 * trained at {@code fineTuneLearningRate} (NaN for the model's own), and where its files are.
 *
 * @param locations where the base's files are, or null before the configuration is located
 */
record TunedBase(PretrainedBase pretrained, int trainable, double fineTuneLearningRate,
    BaseLocations locations) {

  TunedBase {
    if (trainable < 0) {
      throw new IllegalArgumentException("trainable is 0 or more: " + trainable);
    }
  }

  /** The base with every layer frozen, not yet located. */
  TunedBase(PretrainedBase pretrained) {
    this(pretrained, 0, Double.NaN, null);
  }

  TunedBase trainable(int layers) {
    return new TunedBase(pretrained, layers, fineTuneLearningRate, locations);
  }

  TunedBase fineTuneLearningRate(double rate) {
    return new TunedBase(pretrained, trainable, rate, locations);
  }

  TunedBase locatedIn(BaseLocations where) {
    return new TunedBase(pretrained, trainable, fineTuneLearningRate, where);
  }

  /** The base as it is named and how it is tuned, for the model's provenance. */
  String description() {
    return pretrained.describe() + (trainable == 0 ? ", frozen"
        : ", its top " + trainable + " layer" + (trainable == 1 ? "" : "s") + " fine-tuned"
            + (Double.isNaN(fineTuneLearningRate) ? "" : " at " + fineTuneLearningRate));
  }

  /** The base's network as loaded from its files. */
  ComputationGraph load() {
    return pretrained.load(located());
  }

  /** The base's input where its own configuration does not say it; empty where it does. */
  Optional<InputType> inputType() {
    return pretrained.inputType(located());
  }

  boolean takesTokenIndices() {
    return pretrained.takesTokenIndices(located());
  }

  /** The base loaded and cut, with as many layers below its cut as it trains. */
  Cut cut() {
    ComputationGraph loaded = load();
    BaseCut cut = BaseCut.of(loaded, pretrained.upTo(), pretrained.describe());
    cut.checkTrainable(trainable, pretrained.describe());
    return new Cut(this, loaded, cut);
  }

  /**
   * The JSON of a configuration on this base: the base as it is named, {@code fields} (the head's
   * own, each {@code "name": value}), the fine-tuning, then the head's configuration.
   */
  String toJson(List<String> fields, String headJson) {
    StringBuilder json = new StringBuilder("{\"base\": \"")
        .append(pretrained.describe().replace("\"", "'")).append("\", ");
    fields.forEach(field -> json.append(field).append(", "));
    return json.append("\"trainable\": ").append(trainable)
        .append(", \"fineTuneLearningRate\": \"").append(fineTuneLearningRate)
        .append("\", \"head\": ").append(headJson).append('}').toString();
  }

  /**
   * The digest of a configuration on this base: the base's name and weights, {@code fields} (the
   * head's own), which layers train at which rate, and the head's digest.
   */
  String digest(List<String> fields, String headDigest) {
    StringBuilder text = new StringBuilder(pretrained.describe()).append('\n')
        .append(pretrained.digest(located())).append('\n');
    fields.forEach(field -> text.append(field).append('\n'));
    text.append(trainable).append('\n').append(fineTuneLearningRate).append('\n').append(headDigest);
    return "sha256:" + Sha256.of(text.toString());
  }

  private BaseLocations located() {
    if (locations == null) {
      throw new IllegalStateException("the configuration on " + pretrained.describe()
          + " was not located: call locatedIn(BaseLocations) first");
    }
    return locations;
  }

  /** The base as loaded and cut, that a head grows on. */
  record Cut(TunedBase tuned, ComputationGraph loaded, BaseCut base) {

    /** The base's layers that do not train, from its bottom. */
    List<String> frozen() {
      return base.layers().subList(0, base.layers().size() - tuned.trainable());
    }

    /**
     * A builder of the graph on the base: ND4J's generator seeded with {@code seed}, the layers
     * above the cut removed, the frozen ones frozen, and the trained ones tuned as the head's
     * {@code headLayers} say.
     */
    TransferLearning.GraphBuilder builder(Stream<Layer> headLayers, long seed) {
      Nd4j.getRandom().setSeed(seed);
      TransferLearning.GraphBuilder builder = new TransferLearning.GraphBuilder(loaded)
          .fineTuneConfiguration(FineTuning.of(headLayers, tuned.fineTuneLearningRate(), seed));
      base.removed().forEach(builder::removeVertexAndConnections);
      List<String> frozen = frozen();
      if (!frozen.isEmpty()) {
        builder.setFeatureExtractor(frozen.toArray(String[]::new));
      }
      return builder;
    }

    /** The graph {@code builder} describes, its trained normalization following the data. */
    ComputationGraph build(TransferLearning.GraphBuilder builder) {
      ComputationGraph graph = builder.build();
      FineTunedNormalization.follow(graph,
          base.layers().subList(frozen().size(), base.layers().size()));
      return graph;
    }

    /** Whether no layer of the base trains. */
    boolean allFrozen() {
      return tuned.trainable() == 0;
    }
  }
}

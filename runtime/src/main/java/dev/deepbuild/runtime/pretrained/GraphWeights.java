package dev.deepbuild.runtime.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Puts a Keras model's weights into the initialized graph DL4J imported from its configuration:
 * every parameter of every layer gets a weight, of exactly its size, or the import fails naming
 * the layer, so that no parameter keeps its random initial value unnoticed. Both the catalog's
 * import and that of a Keras file rewritten channels first ({@link ChannelsFirst}) take this path:
 * DL4J's own weight import reads the kernels of channels-first layers as Theano's, flipped.
 */
public final class GraphWeights {
  private GraphWeights() {}

  /**
   * @param layers the Keras layers of the imported configuration ({@code config.layers})
   * @param tensors the weights by Keras's name, {@code <layer>/<weight>}
   * @param where names the weights' file in messages
   * @throws PretrainedFormatException naming the layer whose weights are missing or misshapen
   */
  public static void assign(ComputationGraph graph, JsonNode layers, Map<String, INDArray> tensors, String where) {
    Map<String, Map<String, INDArray>> byLayer = new HashMap<>();
    tensors.forEach((name, value) -> {
      int slash = name.lastIndexOf('/');
      byLayer.computeIfAbsent(name.substring(0, Math.max(slash, 0)), k -> new LinkedHashMap<>())
          .put(name.substring(slash + 1), value);
    });
    Set<String> assigned = new HashSet<>();
    for (JsonNode layer : layers) {
      // A functional model names its layers at the top, a Sequential one in their config only.
      String name = layer.path("name").asText(layer.path("config").path("name").asText());
      String kind = layer.path("class_name").asText();
      Layer dl4j = graph.getVertex(name) == null ? null : graph.getVertex(name).getLayer();
      long expected = dl4j == null ? 0 : dl4j.numParams();
      Map<String, INDArray> weights = byLayer.getOrDefault(name, Map.of());
      if (expected == 0) {
        if (!weights.isEmpty()) {
          throw new PretrainedFormatException(where + " has weights " + weights.keySet() + " for the "
              + kind + " layer " + name + ", which has no parameters in DL4J");
        }
        continue;
      }
      if (weights.isEmpty()) {
        throw new PretrainedFormatException(where + " has no weights for the " + kind + " layer "
            + name + " (expected " + name + "/...)");
      }
      KerasWeightLayout layout = KerasWeightLayout.of(kind).orElseThrow(() ->
          new PretrainedFormatException("the " + kind + " layer " + name + " has parameters in DL4J,"
              + " but no rule converts Keras's " + kind + " weights"));
      Map<String, INDArray> parameters = layout.parameters(name, weights);
      for (Map.Entry<String, INDArray> parameter : dl4j.paramTable().entrySet()) {
        INDArray value = parameters.get(parameter.getKey());
        if (value == null) {
          throw new PretrainedFormatException(where + " has no weight for the parameter "
              + parameter.getKey() + " of the " + kind + " layer " + name + " (it has "
              + weights.keySet() + ")");
        }
        INDArray target = parameter.getValue();
        // Only a vector may change shape (Keras's [c] and DL4J's [1, c]); a kernel must match.
        boolean vectors = value.rank() <= 2 && target.rank() <= 2 && value.isVector() && target.isVector();
        if (vectors ? value.length() != target.length() : !Arrays.equals(value.shape(), target.shape())) {
          throw new PretrainedFormatException(where + ": the weight for " + name + "'s parameter "
              + parameter.getKey() + " has shape " + Arrays.toString(value.shape()) + ", DL4J's is "
              + Arrays.toString(target.shape()));
        }
        target.assign(vectors ? value.reshape(target.shape()) : value);
      }
      assigned.add(name);
    }
    for (Layer layer : graph.getLayers()) {
      String name = layer.conf().getLayer().getLayerName();
      if (layer.numParams() > 0 && !assigned.contains(name)) {
        throw new PretrainedFormatException(where + " has no layer named " + name + ", whose "
            + layer.numParams() + " parameters DL4J's import built");
      }
    }
  }
}

package dev.deepbuild.runtime.network;

import dev.deepbuild.runtime.io.ModelArchive;
import dev.deepbuild.runtime.io.ModelMetadata;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.DataSet;
import org.nd4j.linalg.dataset.api.preprocessor.DataNormalization;

/**
 * A graph network, DL4J's {@code ComputationGraph}, with one input and one output: the shape of
 * Keras's functional models that the training path's data (one feature array, one label array)
 * feeds. A sequential network is the graph of one path.
 */
public final class GraphNetwork implements TrainableNetwork {
  private final ComputationGraph graph;

  /**
   * @param graph an initialized graph
   * @throws IllegalArgumentException for a graph of several inputs or outputs
   */
  public GraphNetwork(ComputationGraph graph) {
    int inputs = graph.getNumInputArrays();
    int outputs = graph.getNumOutputArrays();
    if (inputs != 1 || outputs != 1) {
      throw new IllegalArgumentException("a graph network takes one input and gives one output;"
          + " this graph has " + inputs + " inputs and " + outputs + " outputs");
    }
    this.graph = graph;
  }

  @Override
  public void fit(INDArray features, INDArray labels) {
    graph.fit(new INDArray[] {features}, new INDArray[] {labels});
  }

  @Override
  public void endEpoch() {
    graph.incrementEpochCount();
  }

  @Override
  public INDArray output(INDArray features) {
    return graph.outputSingle(false, features);
  }

  @Override
  public double score(DataSet data) {
    return graph.score(data, false);
  }

  @Override
  public long parameterCount() {
    return graph.numParams();
  }

  @Override
  public INDArray parameters() {
    return graph.params().dup();
  }

  @Override
  public void setParameters(INDArray parameters) {
    graph.setParams(parameters);
  }

  @Override
  public double learningRate() {
    for (GraphVertex vertex : layerVertices()) {
      Double rate = graph.getLearningRate(vertex.getVertexName());
      if (rate != null) {
        return rate;
      }
    }
    throw new IllegalStateException("no layer of the graph has a learning rate");
  }

  @Override
  public void setLearningRate(double rate) {
    graph.setLearningRate(rate);
  }

  @Override
  public DataType dataType() {
    return graph.getConfiguration().getDataType();
  }

  @Override
  public List<NetworkLayer> layers() {
    return layerVertices().stream()
        .map(vertex -> new NetworkLayer(vertex.getLayer().conf().getLayer(),
            vertex.getLayer().numParams()))
        .toList();
  }

  @Override
  public void save(Path target, Optional<? extends DataNormalization> normalizer,
      Optional<ModelMetadata> metadata) throws IOException {
    ModelArchive.write(graph, normalizer, metadata, target);
  }

  /** The vertices that hold a layer, in the order the data reaches them. */
  private List<GraphVertex> layerVertices() {
    GraphVertex[] vertices = graph.getVertices();
    List<GraphVertex> layers = new ArrayList<>();
    for (int index : graph.topologicalSortOrder()) {
      if (vertices[index].hasLayer()) {
        layers.add(vertices[index]);
      }
    }
    return layers;
  }
}

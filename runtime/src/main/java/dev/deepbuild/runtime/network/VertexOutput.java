package dev.deepbuild.runtime.network;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.GraphVertex;
import org.deeplearning4j.nn.graph.vertex.VertexIndices;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.linalg.api.buffer.DataBuffer;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One vertex's outputs in inference, computed a vertex at a time through the vertices it depends
 * on, each activation freed as soon as the last of them that reads it has run. DL4J's {@code
 * feedForward} keeps every layer's activations of a pass until its end (a pretrained base's
 * hundreds of megabytes for 32 images), and its {@code output} of an inner vertex leaves a
 * workspace open.
 */
final class VertexOutput {
  private final ComputationGraph graph;
  private final int target;
  /** The vertices the target depends on, itself included, in the graph's topological order. */
  private final int[] order;
  /** How many vertices of {@link #order} read each vertex's output. */
  private final int[] readers;

  VertexOutput(ComputationGraph graph, String vertex) {
    this.graph = graph;
    GraphVertex[] vertices = graph.getVertices();
    this.target = graph.getVertex(vertex).getVertexIndex();
    boolean[] needed = new boolean[vertices.length];
    Deque<Integer> pending = new ArrayDeque<>(List.of(target));
    while (!pending.isEmpty()) {
      int index = pending.pop();
      if (!needed[index]) {
        needed[index] = true;
        for (VertexIndices input : inputsOf(vertices[index])) {
          pending.push(input.getVertexIndex());
        }
      }
    }
    this.order = Arrays.stream(graph.topologicalSortOrder()).filter(i -> needed[i]).toArray();
    this.readers = new int[vertices.length];
    for (int index : order) {
      for (VertexIndices input : inputsOf(vertices[index])) {
        readers[input.getVertexIndex()]++;
      }
    }
  }

  /**
   * The target's outputs for {@code inputs}, the graph's inputs in its order; they stay the
   * caller's.
   */
  INDArray of(INDArray[] inputs) {
    GraphVertex[] vertices = graph.getVertices();
    List<String> inputNames = graph.getConfiguration().getNetworkInputs();
    // The helpers (oneDNN's) keep their scratch memory between passes, as in DL4J's own passes.
    LayerWorkspaceMgr detached = LayerWorkspaceMgr.noWorkspaces(graph.getHelperWorkspaces());
    INDArray[] activations = new INDArray[vertices.length];
    int[] unread = readers.clone();
    // Preprocessors read the batch size from the graph's inputs.
    graph.setInputs(inputs);
    try {
      for (int index : order) {
        GraphVertex vertex = vertices[index];
        if (vertex.isInputVertex()) {
          activations[index] = inputs[inputNames.indexOf(vertex.getVertexName())];
          continue;
        }
        VertexIndices[] sources = vertex.getInputVertices();
        for (VertexIndices source : sources) {
          vertex.setInput(source.getVertexEdgeNumber(), activations[source.getVertexIndex()],
              detached);
        }
        activations[index] = vertex.doForward(false, detached);
        vertex.clear();
        for (VertexIndices source : sources) {
          int read = source.getVertexIndex();
          if (--unread[read] == 0 && !vertices[read].isInputVertex()) {
            release(activations, read);
          }
        }
      }
    } finally {
      graph.clear();
    }
    return activations[target];
  }

  /**
   * Frees an activation no vertex reads any more, unless a live one shares its memory: a layer
   * may hand its input on as its output (a dropout in inference) or a view of it.
   */
  private static void release(INDArray[] activations, int index) {
    INDArray done = activations[index];
    activations[index] = null;
    closeUnlessShared(done, activations);
  }

  /** Frees {@code array}'s memory now, unless one of {@code others} lives in it too. */
  static void closeUnlessShared(INDArray array, INDArray[] others) {
    if (array == null || !array.closeable()) {
      return;
    }
    for (INDArray other : others) {
      if (other != null && root(other.data()) == root(array.data())) {
        return;
      }
    }
    array.close();
  }

  /** The buffer whose memory {@code buffer} is, itself or the one it views. */
  private static DataBuffer root(DataBuffer buffer) {
    DataBuffer original = buffer.originalDataBuffer();
    return original != null ? original : buffer;
  }

  private static VertexIndices[] inputsOf(GraphVertex vertex) {
    VertexIndices[] inputs = vertex.getInputVertices();
    return inputs == null ? new VertexIndices[0] : inputs;
  }
}

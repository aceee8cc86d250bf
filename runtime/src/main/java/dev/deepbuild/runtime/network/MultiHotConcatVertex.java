package dev.deepbuild.runtime.network;

import java.util.Arrays;
import org.deeplearning4j.nn.api.Layer;
import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.gradient.Gradient;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.graph.vertex.BaseGraphVertex;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The running {@link MultiHotConcat}: each row's word indices, shifted and joined ({@link
 * WordBags#concatenate}).
 */
public class MultiHotConcatVertex extends BaseGraphVertex {
  private final long[] widths;
  /** Each input's word indices of the last pass, whose arrays the next one reuses. */
  private final WordBags.Indices[] indices;

  MultiHotConcatVertex(ComputationGraph graph, String name, int index, DataType dataType,
      long[] widths) {
    super(graph, name, index, null, null, dataType);
    this.widths = widths.clone();
    this.indices = new WordBags.Indices[widths.length];
  }

  @Override
  public boolean hasLayer() {
    return false;
  }

  @Override
  public Layer getLayer() {
    return null;
  }

  @Override
  public INDArray doForward(boolean training, LayerWorkspaceMgr workspaceMgr) {
    if (!canDoForward()) {
      throw new IllegalStateException("MultiHotConcat " + vertexName
          + " has not got all its inputs");
    }
    long columns = Arrays.stream(inputs).mapToLong(INDArray::columns).sum();
    INDArray out = workspaceMgr.createUninitialized(ArrayType.ACTIVATIONS, dataType,
        inputs[0].rows(), columns);
    WordBags.concatenate(inputs, widths, out, indices);
    return out;
  }

  /** Nothing flows back: the inputs are the network's word indices, which learn nothing. */
  @Override
  public Pair<Gradient, INDArray[]> doBackward(boolean tbptt, LayerWorkspaceMgr workspaceMgr) {
    return new Pair<>(null, new INDArray[inputs.length]);
  }

  @Override
  public void setBackpropGradientsViewArray(INDArray view) {
    if (view != null) {
      throw new IllegalArgumentException("MultiHotConcat has no parameters");
    }
  }

  @Override
  public Pair<INDArray, MaskState> feedForwardMaskArrays(INDArray[] masks, MaskState state,
      int minibatchSize) {
    if (masks != null && Arrays.stream(masks).anyMatch(mask -> mask != null)) {
      throw new IllegalArgumentException("MultiHotConcat " + vertexName + " takes no masks");
    }
    return new Pair<>(null, state);
  }

  @Override
  public String toString() {
    return "MultiHotConcatVertex(" + vertexName + ", widths=" + Arrays.toString(widths) + ")";
  }
}

package dev.deepbuild.runtime.network;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.graph.GraphVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.deeplearning4j.nn.conf.memory.LayerMemoryReport;
import org.deeplearning4j.nn.conf.memory.MemoryReport;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * Keras's {@code Concatenate} of multi-hot texts, each taken as the indices of its words, for a
 * {@link MultiHotDense} after it: the concatenation of multi-hot rows is a multi-hot row over all
 * their vocabularies, whose word indices are each input's indices shifted by the widths of the
 * inputs before it. So two texts of 2,000 and 10,000 words feed one {@code [12000, nOut]} dense
 * product, summed over the present words, and no dense 12,000-wide row is ever made.
 *
 * <p>Its output is a matrix {@code [batch, k]} of word indices, each row's first and {@code -1}
 * after them, as {@code MultiHotDense} takes it; its type is the concatenation's width, from which
 * DL4J infers the dense layer's {@code nIn}. The inputs are the network's own, so nothing flows
 * back through it.
 */
public class MultiHotConcat extends GraphVertex {
  private long[] widths;

  /** For Jackson, which reads the vertex back from a saved configuration. */
  public MultiHotConcat() {}

  /** @param widths each input's vocabulary width, in the order of the vertex's inputs */
  public MultiHotConcat(long... widths) {
    if (widths.length < 2 || Arrays.stream(widths).anyMatch(width -> width < 1)) {
      throw new IllegalArgumentException("MultiHotConcat takes the widths of two or more inputs,"
          + " each at least 1, not " + Arrays.toString(widths));
    }
    this.widths = widths.clone();
  }

  public long[] getWidths() {
    return widths.clone();
  }

  public void setWidths(long[] widths) {
    this.widths = widths.clone();
  }

  @Override
  public MultiHotConcat clone() {
    return new MultiHotConcat(widths);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof MultiHotConcat concat && Arrays.equals(widths, concat.widths);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(widths);
  }

  @Override
  public long numParams(boolean backprop) {
    return 0;
  }

  @Override
  public int minVertexInputs() {
    return widths.length;
  }

  @Override
  public int maxVertexInputs() {
    return widths.length;
  }

  @Override
  public org.deeplearning4j.nn.graph.vertex.GraphVertex instantiate(ComputationGraph graph,
      String name, int idx, INDArray paramsView, boolean initializeParams, DataType dataType) {
    return new MultiHotConcatVertex(graph, name, idx, dataType, widths);
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType... inputs) {
    if (inputs.length != widths.length) {
      throw new InvalidInputTypeException("MultiHotConcat of " + widths.length + " inputs got "
          + inputs.length);
    }
    return InputType.feedForward(Arrays.stream(widths).sum());
  }

  @Override
  public MemoryReport getMemoryReport(InputType... inputs) {
    return new LayerMemoryReport.Builder(null, MultiHotConcat.class, inputs[0],
        getOutputType(-1, inputs)).standardMemory(0, 0).workingMemory(0, 0, 0, 0)
        .cacheMemory(0, 0).build();
  }
}

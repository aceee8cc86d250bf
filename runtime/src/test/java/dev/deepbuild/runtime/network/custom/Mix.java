package dev.deepbuild.runtime.network.custom;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaVertex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** A vertex of two inputs of one shape: their mean. */
public class Mix extends SameDiffLambdaVertex {
  public Mix() {}

  @Override
  public SDVariable defineVertex(SameDiff sd, VertexInputs inputs) {
    return inputs.getInput(0).add(inputs.getInput(1)).mul(0.5);
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType... inputs) {
    return inputs[0];
  }
}

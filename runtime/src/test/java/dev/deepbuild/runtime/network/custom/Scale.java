package dev.deepbuild.runtime.network.custom;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/** A parameter-free layer: its input times a factor, kept as a field so that it serializes. */
public class Scale extends SameDiffLambdaLayer {
  private double factor = 2;

  public Scale() {}

  public double getFactor() {
    return factor;
  }

  public void setFactor(double factor) {
    this.factor = factor;
  }

  @Override
  public SDVariable defineLayer(SameDiff sd, SDVariable input) {
    return input.mul(factor);
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType input) {
    return input;
  }
}

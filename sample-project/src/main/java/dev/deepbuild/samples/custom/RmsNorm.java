package dev.deepbuild.samples.custom;

import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLambdaLayer;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;

/**
 * A parameter-free layer: each sample divided by its root mean square, so that every vector
 * reaching the next layer has the same scale. It keeps its input's shape.
 */
public class RmsNorm extends SameDiffLambdaLayer {
  private static final double EPSILON = 1e-6;

  public RmsNorm() {}

  @Override
  public SDVariable defineLayer(SameDiff sd, SDVariable input) {
    SDVariable meanSquare = input.mul(input).mean(true, 1);
    return input.div(sd.math.sqrt(meanSquare.add(EPSILON)));
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType input) {
    return input;
  }
}

package dev.deepbuild.runtime.network.custom;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/** A layer with weights: {@code tanh(x W + b)} of {@code nOut} units. */
public class Projection extends SameDiffLayer {
  private long nIn;
  private long nOut = 6;

  public Projection() {}

  public long getNIn() {
    return nIn;
  }

  public void setNIn(long nIn) {
    this.nIn = nIn;
  }

  public long getNOut() {
    return nOut;
  }

  public void setNOut(long nOut) {
    this.nOut = nOut;
  }

  @Override
  public InputType getOutputType(int layerIndex, InputType input) {
    return InputType.feedForward(nOut);
  }

  @Override
  public void setNIn(InputType input, boolean override) {
    if (nIn <= 0 || override) {
      nIn = input.arrayElementsPerExample();
    }
  }

  @Override
  public void defineParameters(SDLayerParams params) {
    params.addWeightParam("W", nIn, nOut);
    params.addBiasParam("b", 1, nOut);
  }

  @Override
  public void initializeParameters(Map<String, INDArray> params) {
    initWeights((int) nIn, (int) nOut, WeightInit.XAVIER, params.get("W"));
    params.get("b").assign(0);
  }

  @Override
  public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params,
      SDVariable mask) {
    return sd.nn.tanh(input.mmul(params.get("W")).add(params.get("b")));
  }
}

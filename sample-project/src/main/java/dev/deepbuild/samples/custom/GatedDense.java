package dev.deepbuild.samples.custom;

import java.util.Map;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.samediff.SDLayerParams;
import org.deeplearning4j.nn.conf.layers.samediff.SameDiffLayer;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * A layer with weights: a gated linear unit, {@code (x W + b) * sigmoid(x V + c)}, where the gate
 * learns which units to let through. Its sizes are fields with accessors, which DL4J writes into
 * the saved model and reads back.
 */
public class GatedDense extends SameDiffLayer {
  private long nIn;
  private long nOut = 64;

  public GatedDense() {}

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
    params.addWeightParam("V", nIn, nOut);
    params.addBiasParam("b", 1, nOut);
    params.addBiasParam("c", 1, nOut);
  }

  @Override
  public void initializeParameters(Map<String, INDArray> params) {
    initWeights((int) nIn, (int) nOut, WeightInit.XAVIER_UNIFORM, params.get("W"));
    initWeights((int) nIn, (int) nOut, WeightInit.XAVIER_UNIFORM, params.get("V"));
    params.get("b").assign(0);
    params.get("c").assign(0);
  }

  @Override
  public SDVariable defineLayer(SameDiff sd, SDVariable input, Map<String, SDVariable> params,
      SDVariable mask) {
    SDVariable linear = input.mmul(params.get("W")).add(params.get("b"));
    SDVariable gate = sd.nn.sigmoid(input.mmul(params.get("V")).add(params.get("c")));
    return linear.mul(gate);
  }
}

package dev.deepbuild.runtime.network;

import java.util.Objects;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * A loss function scaled by a constant weight: Keras's {@code loss_weights} for a graph of several
 * outputs, which DL4J sums unweighted. Score, score array and gradient are the wrapped loss's times
 * the weight, so the graph's total is the weighted sum of its outputs' losses. The regularization
 * term, which DL4J adds once to the total, is not weighted (as in Keras).
 *
 * <p>DL4J writes a layer's loss into the configuration JSON with ND4J's shaded Jackson, by class
 * name ({@code @class}, from {@link ILossFunction}'s type info): the fields are properties and the
 * constructor is the creator, so a saved model loads with its weights.
 */
public final class WeightedLoss implements ILossFunction {
  private static final long serialVersionUID = 1L;

  @JsonProperty("loss")
  private final ILossFunction loss;

  @JsonProperty("weight")
  private final double weight;

  /**
   * @param loss the loss to scale
   * @param weight its weight, positive and finite
   * @throws IllegalArgumentException for a weight that is zero, negative, NaN or infinite
   */
  @JsonCreator
  public WeightedLoss(@JsonProperty("loss") ILossFunction loss,
      @JsonProperty("weight") double weight) {
    this.loss = Objects.requireNonNull(loss, "loss");
    if (!(weight > 0 && Double.isFinite(weight))) {
      throw new IllegalArgumentException("the weight of loss " + loss.name() + " is " + weight
          + "; a loss weight must be positive and finite");
    }
    this.weight = weight;
  }

  /** {@code loss} scaled by {@code weight}: what generated code calls for a weighted output. */
  public static WeightedLoss of(ILossFunction loss, double weight) {
    return new WeightedLoss(loss, weight);
  }

  /** The wrapped loss. */
  public ILossFunction loss() {
    return loss;
  }

  /** The weight. */
  public double weight() {
    return weight;
  }

  @Override
  public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask, boolean average) {
    return weight * loss.computeScore(labels, preOutput, activationFn, mask, average);
  }

  @Override
  public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask) {
    return loss.computeScoreArray(labels, preOutput, activationFn, mask).muli(weight);
  }

  @Override
  public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn,
      INDArray mask) {
    return loss.computeGradient(labels, preOutput, activationFn, mask).muli(weight);
  }

  @Override
  public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput,
      IActivation activationFn, INDArray mask, boolean average) {
    Pair<Double, INDArray> unweighted =
        loss.computeGradientAndScore(labels, preOutput, activationFn, mask, average);
    return new Pair<>(weight * unweighted.getFirst(), unweighted.getSecond().muli(weight));
  }

  @Override
  public String name() {
    return weight + " * " + loss.name();
  }

  @Override
  public String toString() {
    return "WeightedLoss(" + weight + " * " + loss + ")";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof WeightedLoss that
        && Double.compare(weight, that.weight) == 0 && loss.equals(that.loss);
  }

  @Override
  public int hashCode() {
    return Objects.hash(loss, weight);
  }
}

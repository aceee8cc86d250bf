package dev.deepbuild.processor.model;

/**
 * The penalty a dense layer's weights add to the loss, as Keras's {@code kernel_regularizer =
 * regularizers.l1_l2(l1, l2)}: {@code l1 * sum(|w|) + l2 * sum(w²)} over the weights, not the
 * biases. The factors keep Keras's meaning; DL4J's differ, and the writer converts.
 *
 * @param l1 the factor of the sum of absolute values, 0 for none
 * @param l2 the factor of the sum of squares, 0 for none
 */
public record KernelRegularizer(double l1, double l2) {

  /** No penalty. */
  public static final KernelRegularizer NONE = new KernelRegularizer(0, 0);

  public KernelRegularizer {
    if (!(l1 >= 0 && Double.isFinite(l1)) || !(l2 >= 0 && Double.isFinite(l2))) {
      throw new IllegalArgumentException("l1 and l2 must be finite and 0 or more: " + l1 + ", " + l2);
    }
  }

  public boolean isNone() {
    return l1 == 0 && l2 == 0;
  }
}

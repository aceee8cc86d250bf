package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Weight regularization of every {@link Dense} and {@link Conv2D} layer that sets none of its own,
 * as Keras's {@code kernel_regularizer} with {@code regularizers.l1_l2(l1, l2)}: the loss grows by
 * {@code l1 * sum(|w|) + l2 * sum(w²)} over the layer's weights (not its biases).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Regularization {
  /** The L1 factor, 0 or more. */
  double l1() default 0;

  /** The L2 factor, 0 or more; the book uses 0.002. */
  double l2() default 0;
}

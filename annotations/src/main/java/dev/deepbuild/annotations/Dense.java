package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A densely connected layer: {@code output = activation(input · kernel + bias)}, as Keras's
 * {@code Dense}. Its input size is the previous layer's output size (the data's feature count for
 * the first layer), so only the number of units is stated.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dense {
  /** The number of units, which is the size of the layer's output. Must be positive. */
  int units();

  /** The activation applied to the output; {@link Activation#LINEAR} applies none. */
  Activation activation() default Activation.LINEAR;

  /**
   * The L1 factor of this layer's weights, as Keras's {@code regularizers.l1}; NaN (the default)
   * takes the class's {@link Regularization}, if any.
   */
  double l1() default Double.NaN;

  /**
   * The L2 factor of this layer's weights, as Keras's {@code regularizers.l2(0.002)}; NaN (the
   * default) takes the class's {@link Regularization}, if any.
   */
  double l2() default Double.NaN;

  /**
   * The largest L2 norm of the weights into each unit, as Keras's {@code constraints.MaxNorm};
   * 0 (the default) for no constraint.
   */
  double maxNorm() default 0;

  /**
   * In a functional model (one with {@link Input}s), the layer or input this layer takes, by field
   * name, as Keras's {@code Dense(64)(hidden)}; empty (the default) takes the field declared just
   * before. A sequential model leaves it empty.
   */
  String[] from() default {};
}

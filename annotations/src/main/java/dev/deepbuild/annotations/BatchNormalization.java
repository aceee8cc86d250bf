package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Normalizes each channel (each feature of a vector) to zero mean and unit variance over the
 * batch, then scales and shifts it by two learned parameters, as Keras's
 * {@code BatchNormalization}; at inference it uses the moving mean and variance. It has four
 * parameters per channel: the scale and the shift are trained, the moving mean and variance are
 * not.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface BatchNormalization {
  /**
   * How much of the moving mean and variance each batch keeps, in [0, 1): Keras's
   * {@code momentum}, 0.99 by default.
   */
  double momentum() default 0.99;

  /** Added to the variance before dividing by its root, so positive: Keras's 0.001 by default. */
  double epsilon() default 0.001;

  /**
   * In a functional model, the layer or input this layer takes, by field name; empty (the default)
   * takes the field declared just before.
   */
  String[] from() default {};
}

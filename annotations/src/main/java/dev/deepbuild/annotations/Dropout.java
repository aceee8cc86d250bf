package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Randomly sets a fraction of its inputs to zero during training, as Keras's {@code Dropout}; it
 * does nothing at inference. Its output has the size of its input.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Dropout {
  /**
   * The fraction of inputs DROPPED, in [0, 1): Keras's meaning. (DL4J's own {@code Dropout(p)}
   * takes the fraction kept; the generated code converts.)
   */
  double value();

  /**
   * In a functional model, the layer or input this layer takes, by field name; empty (the default)
   * takes the field declared just before.
   */
  String[] from() default {};
}

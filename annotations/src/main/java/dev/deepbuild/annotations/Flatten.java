package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lays an image's values out as one vector, as Keras's {@code Flatten}: (height, width,
 * channels) becomes height x width x channels values, which a {@link Dense} layer takes. It has
 * no parameters.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Flatten {
  /**
   * In a functional model, the layer or input this layer takes, by field name; empty (the default)
   * takes the field declared just before.
   */
  String[] from() default {};
}

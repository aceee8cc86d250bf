package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Downsamples an image by the largest value of each window, channel by channel, as Keras's
 * {@code MaxPooling2D}. It has no parameters and keeps the channels.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface MaxPooling2D {
  /**
   * The window's size in pixels: one value for a square window ({@code {2}}, the default, halves
   * the image), or {@code {height, width}}, as Keras's {@code pool_size}.
   */
  int[] value() default {2};

  /**
   * The step between windows: one value for both sides, or {@code {height, width}}; empty (the
   * default) steps by the window's size, as Keras's {@code strides=None}.
   */
  int[] strides() default {};

  /** {@link Padding#VALID} (the default, Keras's) drops a partial window at the edges. */
  Padding padding() default Padding.VALID;

  /**
   * In a functional model, the layer or input this layer takes, by field name; empty (the default)
   * takes the field declared just before.
   */
  String[] from() default {};
}

package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A 2D convolution over an image, as Keras's {@code Conv2D}: each of {@code filters} kernels
 * slides over the image and gives one output channel. It takes an image (height, width,
 * channels); its input channels are the previous layer's, so only the filters are stated.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Conv2D {
  /** The number of filters, which is the number of the output's channels. Must be positive. */
  int filters();

  /**
   * The kernel's size in pixels: one value for a square kernel ({@code {3}}, the default, is
   * 3x3), or {@code {height, width}}, as Keras's {@code kernel_size}.
   */
  int[] kernel() default {3};

  /** The step between positions: one value for both sides, or {@code {height, width}}. */
  int[] strides() default {1};

  /**
   * {@link Padding#VALID} (the default, Keras's) shrinks the image; {@link Padding#SAME} keeps
   * its size at stride 1.
   */
  Padding padding() default Padding.VALID;

  /** The activation applied to the output; {@link Activation#LINEAR} applies none. */
  Activation activation() default Activation.LINEAR;

  /**
   * The L1 factor of this layer's kernel, as Keras's {@code regularizers.l1}; NaN (the default)
   * takes the class's {@link Regularization}, if any.
   */
  double l1() default Double.NaN;

  /**
   * The L2 factor of this layer's kernel, as Keras's {@code regularizers.l2(0.002)}; NaN (the
   * default) takes the class's {@link Regularization}, if any.
   */
  double l2() default Double.NaN;

  /**
   * In a functional model, the layer or input this layer takes, by field name; empty (the default)
   * takes the field declared just before.
   */
  String[] from() default {};
}

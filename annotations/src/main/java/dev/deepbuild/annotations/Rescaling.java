package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Scales every pixel value to {@code pixel * value + offset} before the network sees it, as Keras's
 * {@code layers.Rescaling(scale, offset)}: {@code @Rescaling(1 / 255.0)} maps 0-255 to 0-1, and
 * {@code @Rescaling(value = 1 / 127.5, offset = -1)} to -1 to 1. It learns nothing from the data, so
 * every split is scaled alike; it is saved with the model, so a predictor can scale new images as
 * training did. Image data only.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Rescaling {
  /** What each value is multiplied by. */
  double value();

  /** What is added after multiplying. */
  double offset() default 0;
}

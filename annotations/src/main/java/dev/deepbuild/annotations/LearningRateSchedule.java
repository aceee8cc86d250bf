package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Changes the learning rate between epochs, starting from the optimizer's:
 * <ul>
 *   <li>{@link Type#STEP}: multiplied by {@link #factor()} every {@link #every()} epochs;
 *   <li>{@link Type#EXPONENTIAL}: multiplied by {@link #factor()} after every epoch;
 *   <li>{@link Type#ON_PLATEAU}: multiplied by {@link #factor()} when the validation
 *       {@link #monitor()} has not improved for {@link #patience()} epochs, as Keras's
 *       {@code ReduceLROnPlateau}; needs validation data.
 * </ul>
 * Never below {@link #minLearningRate()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface LearningRateSchedule {
  enum Type { STEP, EXPONENTIAL, ON_PLATEAU }

  Type value();

  /** The multiplier, in (0, 1). */
  double factor() default 0.5;

  /** For {@link Type#STEP}: the epochs between two reductions, at least 1. */
  int every() default 10;

  /** For {@link Type#ON_PLATEAU}: epochs without improvement before a reduction, at least 1. */
  int patience() default 5;

  /** For {@link Type#ON_PLATEAU}: the validation metric watched. */
  Metric monitor() default Metric.LOSS;

  /**
   * For {@code ON_PLATEAU} in a model of several {@link Output}s, the output whose validation
   * {@link #monitor()} is watched; empty (the default) watches the model's: its loss.
   */
  String output() default "";

  /** The floor of the learning rate, 0 or more. */
  double minLearningRate() default 0;
}

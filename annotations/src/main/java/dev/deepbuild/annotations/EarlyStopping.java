package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Stops training when a validation metric stops improving, as Keras's {@code EarlyStopping}, and
 * keeps the best model, not the last: the weights of the best epoch are restored whatever ended
 * training (Keras restores them only when early stopping itself stopped). Needs validation data.
 * The metric's direction follows from the metric: loss and errors down, accuracy and R² up.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface EarlyStopping {
  /** The validation metric watched. */
  Metric monitor() default Metric.LOSS;

  /**
   * In a model of several {@link Output}s, the output whose validation {@link #monitor()} is
   * watched, such as {@code "topic"}; empty (the default) watches the model's: its loss.
   */
  String output() default "";

  /** Epochs without improvement before training stops; at least 1. */
  int patience() default 5;

  /** The smallest change that counts as an improvement, 0 or more. */
  double minDelta() default 0;

  /** Whether the best epoch's weights are the model's; false keeps the last epoch's. */
  boolean restoreBestWeights() default true;
}

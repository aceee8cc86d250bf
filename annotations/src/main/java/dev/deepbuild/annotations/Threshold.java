package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bound a trained model's metric must meet, or the build fails:
 * {@code iris: test accuracy is 0.842, but expected minimum is 0.900}. Give {@link #min()},
 * {@link #max()}, {@link #beatBaselineBy()}, {@link #maxRegression()}, or several. Repeatable.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
@Repeatable(Thresholds.class)
public @interface Threshold {
  Metric metric();

  /** The smallest passing value; NaN (the default) sets no minimum. */
  double min() default Double.NaN;

  /** The largest passing value; NaN (the default) sets no maximum. */
  double max() default Double.NaN;

  /**
   * How much better than the common-sense baseline the metric must be (the majority class for a
   * classifier, the mean of the training targets for a regressor, measured on the same data), in
   * the metric's own units and direction: {@code @Threshold(metric = ACCURACY, beatBaselineBy =
   * 0.10)} asks for accuracy at least 0.10 above the baseline's. NaN (the default) sets no such
   * bound.
   */
  double beatBaselineBy() default Double.NaN;

  /**
   * How much worse than its accepted value the metric may be, in the metric's own units and
   * direction: {@code @Threshold(metric = ACCURACY, maxRegression = 0.01)} fails a build whose
   * test accuracy is more than 0.01 below the one {@code mvn dl:accept} recorded in the accepted
   * metrics file, and {@code maxRegression = 0} fails any loss at all. Without an accepted value
   * the bound is not checked, with a warning. NaN (the default) sets no such bound.
   */
  double maxRegression() default Double.NaN;

  /** The data the metric is measured on. */
  DataSplit on() default DataSplit.TEST;

  /**
   * In a model of several {@link Output}s, the output whose metric is bounded, by field name, such
   * as {@code "topic"}; empty (the default) bounds the model's metric: the loss of a model of
   * several outputs (their weighted sum), or any metric of a model of one.
   */
  String output() default "";
}

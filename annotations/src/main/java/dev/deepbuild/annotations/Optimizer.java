package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** The optimizer of {@link Train#optimizer()}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Optimizer {
  OptimizerType value() default OptimizerType.RMSPROP;

  /** The learning rate; 0 means the optimizer's Keras default ({@link OptimizerType#defaultLearningRate()}). */
  double learningRate() default 0;
}

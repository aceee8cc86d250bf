package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** How a {@link Model} is trained, as the arguments of Keras's {@code compile} and {@code fit}. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Train {
  /** Passes over the training data. Must be positive. */
  int epochs();

  /** Samples per gradient update. Must be positive. Keras's default is 32. */
  int batchSize() default 32;

  Optimizer optimizer() default @Optimizer;

  /** The loss the output layer minimizes; it also decides the task (classification or regression). */
  Loss loss();
}

package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a {@link Dense} layer of a functional model as one of its outputs (Keras's heads), which
 * predicts a field of the data with its own loss and loss weight; metrics and thresholds are
 * measured per output ({@code topic test accuracy}), and the model's loss is the weighted sum of
 * the outputs' losses.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Output {
  /**
   * The data's field the output predicts, such as {@code "topic"}, or a {@code @CsvData} table's
   * column by header name; empty: the field's name.
   */
  String field() default "";

  /** The output's loss; empty (the default) takes {@link Train#loss()}, as Keras's one loss. */
  Loss[] loss() default {};

  /** The weight of this output's loss in the model's loss, as Keras's {@code loss_weights}. */
  double weight() default 1.0;
}

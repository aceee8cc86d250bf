package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The hold-out split of a data set, as fractions of all its rows; the rest is training data. Rows
 * are shuffled with the model's seed first, and for a classifier each class is split in the same
 * proportions (stratified), unlike Keras's {@code validation_split}, which takes the last rows.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({})
public @interface Split {
  /** The fraction of rows held out for the final test, in (0, 1). */
  double test() default 0.2;

  /** The fraction of rows held out to validate during training, in [0, 1); 0 means none. */
  double validation() default 0.2;
}

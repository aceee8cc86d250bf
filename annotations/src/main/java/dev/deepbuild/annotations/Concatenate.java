package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A merge of a functional model's layers or inputs. Joins its inputs' features end to end, as Keras's {@code Concatenate}: vectors of 3 and 5 features give one of 8.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Concatenate {
  /** The layers or inputs merged, by field name: two or more. */
  String[] from();
}

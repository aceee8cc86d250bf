package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A merge of a functional model's layers or inputs. Averages its inputs element by element, as Keras's {@code Average}; they have one shape, which it keeps.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Average {
  /** The layers or inputs merged, by field name: two or more. */
  String[] from();
}

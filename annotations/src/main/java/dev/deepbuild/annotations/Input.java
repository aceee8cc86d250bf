package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named input of a functional model, as Keras's {@code keras.Input}: the field's name names the
 * input, which layers take with {@code from}, and {@link #field()} says which field of the data it
 * reads. A text field is vectorized by a {@link TextVectorization} on the same field, with a
 * vocabulary of its own, fitted on the training split only. A model with an input is functional:
 * its layers name what they take, and its {@link Output}s what they predict.
 *
 * <pre>{@code
 * @Input(field = "title") @TextVectorization(maxTokens = 2000) Layer title;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Input {
  /** The data's field the input reads, such as a dataset's {@code "body"}; empty: the field's name. */
  String field() default "";
}

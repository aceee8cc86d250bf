package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Turns texts into numbers as Keras's {@code TextVectorization} layer does: lower case, HTML line
 * breaks and punctuation removed, split on white space; a vocabulary of the {@link #maxTokens()}
 * most frequent words, counted on the training split only so that nothing of the held-out texts
 * leaks into it; then each text encoded per {@link #outputMode()}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.TYPE, ElementType.FIELD})
public @interface TextVectorization {
  /**
   * The vocabulary's size: the number of columns for {@link OutputMode#MULTI_HOT}; for
   * {@link OutputMode#INT}, the number of indices including padding (0) and out-of-vocabulary (1).
   */
  int maxTokens() default 10_000;

  OutputMode outputMode() default OutputMode.MULTI_HOT;

  /** The length texts are padded or truncated to; needed for {@link OutputMode#INT} only. */
  int outputSequenceLength() default 0;
}

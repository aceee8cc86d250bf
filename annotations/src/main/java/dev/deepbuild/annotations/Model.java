package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class as a model that the build trains, evaluates and gates.
 *
 * <p>The class's fields annotated with a layer annotation ({@link Dense}, {@link Dropout}, the
 * convnet layers {@link Conv2D}, {@link MaxPooling2D}, {@link AveragePooling2D}, {@link Flatten},
 * {@link GlobalAveragePooling2D}, {@link GlobalMaxPooling2D}, {@link BatchNormalization}) are the
 * layers of a sequential network, in declaration order. The class also needs a data annotation
 * ({@link CsvData}) and {@link Train}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Model {
  /**
   * The model's name: lower-case letters, digits, '.', '_' and '-', starting with a letter or digit.
   * It names the output folder {@code target/deepbuild/<name>/} and selects the model in
   * {@code -Ddl.models=<name>}. Empty means the class name in kebab case ({@code IrisClassifier}
   * becomes {@code iris-classifier}).
   */
  String name() default "";

  /** The seed of every random choice: weight initialization, shuffling, splitting, dropout. */
  long seed() default 42;
}

package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The model's data is your own labelled texts, vectorized by {@link TextVectorization} as the
 * built-in IMDB and Reuters datasets are. Give exactly one of:
 * <ul>
 *   <li>{@link #folder()}: a sub-folder per class, named by the class, each file in it one text
 *       (Keras's {@code text_dataset_from_directory});
 *   <li>{@link #file()}: a CSV file with a header row, or a JSON file holding an array of objects,
 *       with the text in {@link #textField()} and the class in {@link #labelField()}.
 * </ul>
 * Paths are relative to the project's base directory unless absolute. Classes are ordered by name.
 *
 * <p>A functional model reads a {@link #file()}: each {@link Input} a text field of it, with its
 * own {@link TextVectorization}, and each {@link Output} a label field, all named by
 * {@code field}, so {@link #textField()} and {@link #labelField()} are not given.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface TextData {
  String folder() default "";

  /** A {@code .csv} or {@code .json} file. */
  String file() default "";

  String textField() default "text";

  String labelField() default "label";

  /** How the texts are split into training, validation and test data. */
  Split split() default @Split;
}

package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The model's data: one CSV table, one row per sample, numeric feature columns and one label column.
 * Give exactly one of {@link #file()} and {@link #resource()}, and exactly one of {@link #label()}
 * and {@link #labelColumn()}.
 *
 * <p>For classification the label column holds class values (numbers or names); classes are
 * ordered by value and one-hot encoded. For regression it holds the target number.
 *
 * <p>A functional model's {@link Input}s name the groups of columns they read and its
 * {@link Output}s the column each predicts, by header name: the table then has
 * {@code header = true} and gives neither a label column nor {@code classes}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface CsvData {
  /** A file path, relative to the project's base directory unless absolute. */
  String file() default "";

  /** A classpath resource, such as {@code iris.dat} or {@code data/houses.csv}. */
  String resource() default "";

  /** The label column's 0-based index; -1 means the label is given by {@link #labelColumn()}. */
  int label() default -1;

  /** The label column's name in the header row; implies {@link #header()}. */
  String labelColumn() default "";

  /** Whether the first row names the columns rather than holding a sample. */
  boolean header() default false;

  char delimiter() default ',';

  /**
   * The number of classes of a classifier; 0 infers it from the data. When stated, the data must
   * not hold more, and the output layer must fit it.
   */
  int classes() default 0;

  /** How the rows are split into training, validation and test data. */
  Split split() default @Split;

  /**
   * A file of its own to validate on, with the table's columns, instead of held-out rows (Keras's
   * {@code validation_data}); relative to the project's base directory unless absolute. The table's
   * rows are then split into training and test only, so {@link Split#validation()} must be 0.
   */
  String validationFile() default "";

  /** The same as {@link #validationFile()}, from a classpath resource. */
  String validationResource() default "";
}

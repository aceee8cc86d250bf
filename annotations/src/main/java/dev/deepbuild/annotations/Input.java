package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A named input of a functional model, as Keras's {@code keras.Input}: the field's name names the
 * input, which layers take with {@code from}. What it reads depends on the data:
 * <ul>
 *   <li>a text field of a {@link Dataset} or of your own {@link TextData} file, named by
 *       {@link #field()}, vectorized by a {@link TextVectorization} on the same field, with a
 *       vocabulary of its own, fitted on the training split only;
 *   <li>a group of a {@link CsvData} table's numeric columns, named by {@link #columns()} (the
 *       table has a header row), as one feature vector of that many features;
 *   <li>one features array of your {@link ProvidedData}, of {@link #width()} features;
 *   <li>the images of an image {@link Dataset} ({@code MNIST}, {@code FASHION_MNIST},
 *       {@code CATS_VS_DOGS}) or of {@link ImageData}, as the field {@code "image"}: an image of
 *       the data's height, width and channels (or {@link Resizing}'s size), rescaled and
 *       augmented as the class's {@link Rescaling} and {@link Augmentation} say. Convolution,
 *       pooling and batch normalization take it; a {@link Dense} layer takes it after a
 *       {@link Flatten} or a global pooling.
 * </ul>
 * A model with an input is functional: its layers name what they take, and its {@link Output}s
 * what they predict.
 *
 * <pre>{@code
 * @Input(field = "title") @TextVectorization(maxTokens = 2000) Layer title;
 * @Input(columns = {"sepal_length", "sepal_width"}) Layer sepal;
 * @Input(width = 4) Layer measures;
 * @Input(field = "image") Layer digits;
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.FIELD)
public @interface Input {
  /** The data's field the input reads, such as a dataset's {@code "body"}; empty: the field's name. */
  String field() default "";

  /** A {@code @CsvData} table's numeric columns the input reads, by header name, in order. */
  String[] columns() default {};

  /** The number of features of a {@code @ProvidedData} input's array; 0 for other data. */
  int width() default 0;
}

package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The model's data is your own images: {@link #directory()} has one sub-folder per class, named by
 * the class, each holding PNG or JPEG files (Keras's {@code image_dataset_from_directory}). Classes
 * are ordered by name; that order is the label order. Every image is resized to
 * {@link #height()} x {@link #width()} and read as RGB or, with {@code channels = 1}, grayscale;
 * pixel values are 0-255 (see {@link Rescaling}). The path is relative to the project's base
 * directory unless absolute. Hidden files and folders are skipped. A functional model reads the
 * images as the field {@value BuiltinDataset#IMAGE_FIELD} and predicts their classes as
 * {@value BuiltinDataset#LABEL_FIELD}, as of an image {@link Dataset}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface ImageData {
  /** The folder of class folders. */
  String directory();

  /** The height every image is resized to, in pixels. */
  int height();

  /** The width every image is resized to, in pixels. */
  int width();

  /** 3 for RGB, 1 for grayscale. */
  int channels() default 3;

  /** How the images are split into training, validation and test data. */
  Split split() default @Split;
}

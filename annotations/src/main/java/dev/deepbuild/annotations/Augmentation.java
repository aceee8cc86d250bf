package dev.deepbuild.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Random changes to each training image, so that the network sees a new variant of it every epoch,
 * as Keras's preprocessing layers {@code RandomFlip}, {@code RandomRotation}, {@code RandomZoom},
 * {@code RandomTranslation} and {@code RandomContrast} do. Only training minibatches are changed;
 * validation, test, the k-fold validation folds and every evaluation see the images as they are.
 * Rotation, zoom and translation are one bilinear resampling, filling what falls outside the image
 * by reflection, Keras's default. The changes follow from the model's seed and the epoch, so a build
 * is reproducible. Needs image data ({@link Dataset} of images or {@link ImageData}) and at least
 * one change. See {@link AugmentationFactor} for the ranges.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Augmentation {
  /** Which mirror images to make, each with probability 1/2. */
  Flip flip() default Flip.NONE;

  /** The largest rotation either way, as a fraction of a full turn, in [0, 1); 0 for none. */
  double rotation() default 0;

  /** The largest zoom in or out, as a fraction of the size, in [0, 1); 0 for none. */
  double zoom() default 0;

  /** The largest shift either way, as a fraction of the height and width, in [0, 1); 0 for none. */
  double translation() default 0;

  /** The largest change of contrast, in [0, 1]; 0 for none. */
  double contrast() default 0;
}

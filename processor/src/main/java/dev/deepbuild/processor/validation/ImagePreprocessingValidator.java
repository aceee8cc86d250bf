package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.AugmentationFactor;
import dev.deepbuild.annotations.Flip;
import dev.deepbuild.processor.model.ImagePreprocessing;
import java.util.Arrays;
import java.util.Optional;

/**
 * Checks {@code @Resizing}, {@code @Rescaling} and {@code @Augmentation}: that they prepare image
 * data, that a resizing is to a positive size, that a rescaling changes the pixels and is finite, that an augmentation changes something, each
 * factor in its {@link AugmentationFactor} range; and that images are rescaled, not standardized.
 */
final class ImagePreprocessingValidator {
  private final ErrorReporter errors;

  ImagePreprocessingValidator(ErrorReporter errors) {
    this.errors = errors;
  }

  /**
   * @param data the class's one data annotation, if it has exactly one
   * @return the preprocessing; {@link ImagePreprocessing#NONE} without any of the annotations or
   *     after an error
   */
  ImagePreprocessing validate(Optional<DeclaredData> data, Optional<AnnotationSite> resizing,
      Optional<AnnotationSite> rescaling, Optional<AnnotationSite> augmentation,
      Optional<AnnotationSite> standardize) {
    int before = errors.errorCount();
    boolean images = data.map(DeclaredData::images).orElse(false);
    if (data.isPresent() && !images) {
      String reads = "this model reads " + data.get().annotationName() + ", which is not images.";
      String fix = " or read images with @ImageData or @Dataset(MNIST), @Dataset(FASHION_MNIST)"
          + " or @Dataset(CATS_VS_DOGS).";
      resizing.ifPresent(site -> errors.error(site,
          "@Resizing resizes images, and " + reads, "Remove @Resizing," + fix));
      rescaling.ifPresent(site -> errors.error(site,
          "@Rescaling scales image pixels, and " + reads, "Remove @Rescaling," + fix));
      augmentation.ifPresent(site -> errors.error(site,
          "@Augmentation changes training images, and " + reads, "Remove @Augmentation," + fix));
    }
    if (images && standardize.isPresent()) {
      errors.error(standardize.get(),
          "images are not standardized: their pixels are scaled alike, as Keras's Rescaling layer"
              + " does, rather than each with statistics of its own.",
          "Remove @Standardize and scale the pixels with @Rescaling(1 / 255.0).");
    }
    Optional<ImagePreprocessing.Resizing> size = resizing.flatMap(this::resizing);
    Optional<ImagePreprocessing.Rescaling> scaling = rescaling.flatMap(this::rescaling);
    Optional<ImagePreprocessing.Augmentation> changes = augmentation.flatMap(this::augmentation);
    if (errors.errorCount() > before) {
      return ImagePreprocessing.NONE;
    }
    return new ImagePreprocessing(size, scaling, changes);
  }

  private Optional<ImagePreprocessing.Resizing> resizing(AnnotationSite site) {
    int before = errors.errorCount();
    for (String member : new String[] {"height", "width"}) {
      if (site.intValue(member) < 1) {
        errors.error(site, member, member + " is the images' " + member + " after resizing, a"
            + " positive number of pixels.", "Set it, such as @Resizing(height = 96, width = 96).");
      }
    }
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new ImagePreprocessing.Resizing(site.intValue("height"),
        site.intValue("width")));
  }

  private Optional<ImagePreprocessing.Rescaling> rescaling(AnnotationSite site) {
    double scale = site.doubleValue("value");
    double offset = site.doubleValue("offset");
    if (!Double.isFinite(scale) || scale == 0) {
      errors.error(site, "value",
          "value is what each pixel value is multiplied by, a finite number other than 0 (0 would"
              + " make every image blank).",
          "Set it, such as @Rescaling(1 / 255.0) for values from 0 to 1.");
      return Optional.empty();
    }
    if (!Double.isFinite(offset)) {
      errors.error(site, "offset", "offset is added after scaling, a finite number.",
          "Set it, such as offset = -1 with value = 1 / 127.5 for values from -1 to 1, or remove"
              + " it.");
      return Optional.empty();
    }
    return Optional.of(new ImagePreprocessing.Rescaling(scale, offset));
  }

  private Optional<ImagePreprocessing.Augmentation> augmentation(AnnotationSite site) {
    int before = errors.errorCount();
    double[] values = new double[AugmentationFactor.values().length];
    for (AugmentationFactor factor : AugmentationFactor.values()) {
      double value = site.doubleValue(factor.member());
      values[factor.ordinal()] = value;
      if (!factor.inRange(value)) {
        errors.error(site, factor.member(), factor.meaning(), factor.fix());
      }
    }
    Flip flip = site.enumValue("flip", Flip.class);
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    if (flip == Flip.NONE && Arrays.stream(values).allMatch(value -> value == 0)) {
      errors.error(site, "@Augmentation changes nothing: it flips no image and every factor is 0.",
          "Set what to change, such as @Augmentation(flip = Flip.HORIZONTAL, rotation = 0.1,"
              + " zoom = 0.2), or remove @Augmentation.");
      return Optional.empty();
    }
    return Optional.of(new ImagePreprocessing.Augmentation(flip,
        values[AugmentationFactor.ROTATION.ordinal()], values[AugmentationFactor.ZOOM.ordinal()],
        values[AugmentationFactor.TRANSLATION.ordinal()],
        values[AugmentationFactor.CONTRAST.ordinal()]));
  }
}

package dev.deepbuild.runtime.model;

import dev.deepbuild.annotations.AugmentationFactor;
import dev.deepbuild.annotations.Flip;
import java.util.Objects;

/**
 * The random changes to training images that {@code @Augmentation} declares: {@code
 * AugmentationSpec.none().flip(Flip.HORIZONTAL).rotation(0.1).zoom(0.2)}. Each factor is in the
 * range {@link AugmentationFactor} gives.
 *
 * @param flip which mirror images to make
 * @param rotation the largest rotation either way, a fraction of a full turn
 * @param zoom the largest zoom in or out, a fraction of the size
 * @param translation the largest shift either way, a fraction of the height and width
 * @param contrast the largest change of contrast
 */
public record AugmentationSpec(Flip flip, double rotation, double zoom, double translation,
    double contrast) {

  public AugmentationSpec {
    Objects.requireNonNull(flip, "flip");
    check(AugmentationFactor.ROTATION, rotation);
    check(AugmentationFactor.ZOOM, zoom);
    check(AugmentationFactor.TRANSLATION, translation);
    check(AugmentationFactor.CONTRAST, contrast);
  }

  /** No change, the annotation's defaults, to start from. */
  public static AugmentationSpec none() {
    return new AugmentationSpec(Flip.NONE, 0, 0, 0, 0);
  }

  public AugmentationSpec flip(Flip flip) {
    return new AugmentationSpec(flip, rotation, zoom, translation, contrast);
  }

  public AugmentationSpec rotation(double rotation) {
    return new AugmentationSpec(flip, rotation, zoom, translation, contrast);
  }

  public AugmentationSpec zoom(double zoom) {
    return new AugmentationSpec(flip, rotation, zoom, translation, contrast);
  }

  public AugmentationSpec translation(double translation) {
    return new AugmentationSpec(flip, rotation, zoom, translation, contrast);
  }

  public AugmentationSpec contrast(double contrast) {
    return new AugmentationSpec(flip, rotation, zoom, translation, contrast);
  }

  /** Whether the images are moved or resized: rotation, zoom or translation. */
  public boolean geometric() {
    return rotation > 0 || zoom > 0 || translation > 0;
  }

  private static void check(AugmentationFactor factor, double value) {
    factor.problem(value).ifPresent(problem -> {
      throw new IllegalArgumentException(problem);
    });
  }
}

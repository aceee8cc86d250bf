package dev.deepbuild.annotations;

import java.util.Optional;

/**
 * The factors of {@link Augmentation} with the range each takes: the one rule of what a factor may
 * be, which the processor reports on the annotation value and the runtime's spec enforces.
 */
public enum AugmentationFactor {
  /** A fraction of a full turn, as Keras's {@code RandomRotation(factor)}. */
  ROTATION("rotation", false),
  /** Keras's {@code RandomZoom(factor)}: the image is scaled by {@code 1 + u}, u in [-f, f]. */
  ZOOM("zoom", false),
  /** A fraction of the height and width, as Keras's {@code RandomTranslation(factor, factor)}. */
  TRANSLATION("translation", false),
  /** Keras's {@code RandomContrast(factor)}: deviations from the mean scaled by [1 - f, 1 + f]. */
  CONTRAST("contrast", true);

  private final String member;
  private final boolean oneIncluded;

  AugmentationFactor(String member, boolean oneIncluded) {
    this.member = member;
    this.oneIncluded = oneIncluded;
  }

  /** The annotation member, such as {@code rotation}. */
  public String member() {
    return member;
  }

  /**
   * What is wrong with {@code value} for this factor, worded with the fix; empty when it is in range
   * ([0, 1), or [0, 1] for contrast).
   */
  public Optional<String> problem(double value) {
    boolean inRange = value >= 0 && (oneIncluded ? value <= 1 : value < 1);
    if (inRange) {
      return Optional.empty();
    }
    return Optional.of(member + " = " + PlainNumber.of(value) + " is out of range: give a value in "
        + (oneIncluded ? "[0, 1]" : "[0, 1)") + ", 0 for none" + (this == ROTATION
            ? " (a fraction of a full turn: 0.1 rotates by up to 36 degrees either way)" : ""));
  }
}

package dev.deepbuild.annotations;

import java.util.Optional;

/**
 * The factors of {@link Augmentation} with the range each takes: the one rule of what a factor may
 * be, which the processor reports on the annotation value and the runtime's spec enforces.
 */
public enum AugmentationFactor {
  /** A fraction of a full turn, as Keras's {@code RandomRotation(factor)}. */
  ROTATION("rotation", "the largest turn either way as a fraction of a full turn", "0.1", false),
  /** Keras's {@code RandomZoom(factor)}: the image is scaled by {@code 1 + u}, u in [-f, f]. */
  ZOOM("zoom", "the largest zoom in or out as a fraction of the size", "0.2", false),
  /** A fraction of the height and width, as Keras's {@code RandomTranslation(factor, factor)}. */
  TRANSLATION("translation", "the largest shift either way as a fraction of the height and width",
      "0.1", false),
  /** Keras's {@code RandomContrast(factor)}: deviations from the mean scaled by [1 - f, 1 + f]. */
  CONTRAST("contrast", "the largest change of contrast", "0.2", true);

  private final String member;
  private final String meaning;
  private final String example;
  private final boolean oneIncluded;

  AugmentationFactor(String member, String meaning, String example, boolean oneIncluded) {
    this.member = member;
    this.meaning = meaning;
    this.example = example;
    this.oneIncluded = oneIncluded;
  }

  /** The annotation member, such as {@code rotation}. */
  public String member() {
    return member;
  }

  /** Whether {@code value} is in {@link #range()}. */
  public boolean inRange(double value) {
    return value >= 0 && (oneIncluded ? value <= 1 : value < 1);
  }

  /** {@code [0, 1)}, or {@code [0, 1]} for contrast. */
  public String range() {
    return oneIncluded ? "[0, 1]" : "[0, 1)";
  }

  /** What the factor means and its range: {@code rotation is the largest turn ..., in [0, 1).} */
  public String meaning() {
    return member + " is " + meaning + ", in " + range() + ".";
  }

  /** How to fix a value out of range. */
  public String fix() {
    return "Set a value in " + range() + ", such as " + member + " = " + example
        + ", or 0 for none.";
  }

  /**
   * What is wrong with {@code value}, with the fix, as {@code @Augmentation(rotation = 1): ...};
   * empty when it is in range.
   */
  public Optional<String> problem(double value) {
    return inRange(value) ? Optional.empty() : Optional.of("@Augmentation(" + member + " = "
        + PlainNumber.of(value) + "): " + meaning() + " " + fix());
  }
}

package dev.deepbuild.annotations;

/** Which mirror images {@link Augmentation} may make, each with probability 1/2 (Keras's {@code RandomFlip}). */
public enum Flip {
  NONE,
  /** Left and right swapped. */
  HORIZONTAL,
  /** Top and bottom swapped. */
  VERTICAL,
  /** Either or both, each drawn on its own. */
  HORIZONTAL_AND_VERTICAL;

  /** Whether images may be mirrored left to right. */
  public boolean horizontal() {
    return this == HORIZONTAL || this == HORIZONTAL_AND_VERTICAL;
  }

  /** Whether images may be mirrored top to bottom. */
  public boolean vertical() {
    return this == VERTICAL || this == HORIZONTAL_AND_VERTICAL;
  }
}

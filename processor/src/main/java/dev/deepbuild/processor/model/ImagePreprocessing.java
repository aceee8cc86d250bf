package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Flip;
import java.util.Objects;
import java.util.Optional;

/**
 * How an image model's pixels are prepared: {@code @Rescaling} for every split, and
 * {@code @Augmentation}'s random changes for training minibatches. Neither is present for other
 * data.
 */
public record ImagePreprocessing(Optional<Rescaling> rescaling,
    Optional<Augmentation> augmentation) {

  public static final ImagePreprocessing NONE =
      new ImagePreprocessing(Optional.empty(), Optional.empty());

  public ImagePreprocessing {
    Objects.requireNonNull(rescaling, "rescaling");
    Objects.requireNonNull(augmentation, "augmentation");
  }

  /** {@code pixel * scale + offset}. */
  public record Rescaling(double scale, double offset) {}

  /** The checked factors of {@code @Augmentation}, at least one change among them. */
  public record Augmentation(Flip flip, double rotation, double zoom, double translation,
      double contrast) {
    public Augmentation {
      Objects.requireNonNull(flip, "flip");
    }
  }
}

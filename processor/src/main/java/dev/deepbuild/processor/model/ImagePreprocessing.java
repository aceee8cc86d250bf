package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Flip;
import java.util.Objects;
import java.util.Optional;

/**
 * How an image model's pixels are prepared: {@code @Resizing} and {@code @Rescaling} for every
 * split, and {@code @Augmentation}'s random changes for training minibatches. None is present for
 * other data.
 */
public record ImagePreprocessing(Optional<Resizing> resizing, Optional<Rescaling> rescaling,
    Optional<Augmentation> augmentation) {

  public static final ImagePreprocessing NONE =
      new ImagePreprocessing(Optional.empty(), Optional.empty(), Optional.empty());

  public ImagePreprocessing {
    Objects.requireNonNull(resizing, "resizing");
    Objects.requireNonNull(rescaling, "rescaling");
    Objects.requireNonNull(augmentation, "augmentation");
  }

  /**
   * The shape the network takes from data of {@code dataShape}: the resized image when the images
   * are resized, the data's own shape otherwise.
   */
  public Shape inputShape(Shape dataShape) {
    return resizing.<Shape>map(size -> {
      if (!(dataShape instanceof Shape.Image image)) {
        throw new IllegalArgumentException("only images are resized: " + dataShape.keras());
      }
      return new Shape.Image(size.height(), size.width(), image.channels());
    }).orElse(dataShape);
  }

  /** Every image resized to {@code height} x {@code width}, both positive. */
  public record Resizing(int height, int width) {
    public Resizing {
      if (height < 1 || width < 1) {
        throw new IllegalArgumentException("a resizing is positive: " + height + " x " + width);
      }
    }
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

package dev.deepbuild.runtime.datasets.read;

import dev.deepbuild.runtime.data.BilinearResize;
import dev.deepbuild.runtime.data.Images;
import java.util.List;
import java.util.Objects;

/**
 * Images and their classes, as read, in the source's order.
 *
 * @param labels per image, its class's index in {@code classNames}; not copied, not to be modified
 * @param classNames the classes, in label order
 */
public record LabelledImages(Images images, int[] labels, List<String> classNames) {
  public LabelledImages {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(labels, "labels");
    classNames = List.copyOf(classNames);
    if (labels.length != images.size()) {
      throw new IllegalArgumentException(images.size() + " images but " + labels.length + " labels");
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classNames.size()) {
        throw new IllegalArgumentException("image " + i + " has the label " + labels[i]
            + ", but there are " + classNames.size() + " classes");
      }
    }
  }

  /** These images resized by {@link BilinearResize} to {@code height} x {@code width}, same labels. */
  public LabelledImages resized(int height, int width) {
    return new LabelledImages(BilinearResize.resize(images, height, width), labels, classNames);
  }

  public int size() {
    return labels.length;
  }

  /** How many images each class has, in class order. */
  public int[] classCounts() {
    int[] counts = new int[classNames.size()];
    for (int label : labels) {
      counts[label]++;
    }
    return counts;
  }
}

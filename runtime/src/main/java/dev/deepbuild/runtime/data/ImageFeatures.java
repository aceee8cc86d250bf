package dev.deepbuild.runtime.data;

import dev.deepbuild.runtime.model.AugmentationSpec;
import dev.deepbuild.runtime.model.RescalingSpec;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Images as a network input: compact pixels, scaled as {@code @Rescaling} says for every split,
 * and changed at random for training as {@code @Augmentation} says. Splits of them are
 * {@link ImageBatches}, which build each minibatch when it is needed.
 *
 * @param augmentation empty for none
 */
public record ImageFeatures(Images images, RescalingSpec rescaling,
    Optional<AugmentationSpec> augmentation) implements Features {

  public ImageFeatures {
    Objects.requireNonNull(images, "images");
    Objects.requireNonNull(rescaling, "rescaling");
    Objects.requireNonNull(augmentation, "augmentation");
  }

  /** The number of values of an image. */
  @Override
  public int columns() {
    return images.values();
  }

  /** The rows, scaled, as one {@code [rows, channels, height, width]} array, never changed at random. */
  @Override
  public INDArray rows(int[] rows, DataType type) {
    float[] values = new float[rows.length * images.values()];
    for (int i = 0; i < rows.length; i++) {
      images.copyScaled(rows[i], values, i * images.values(), (float) rescaling.scale(),
          (float) rescaling.offset());
    }
    return Nd4j.create(values, new long[] {rows.length, images.channels(), images.height(),
        images.width()}, 'c').castTo(type);
  }

  @Override
  public Optional<Batches> batches(int[] rows, List<INDArray> labels, int inputs, DataType type,
      boolean training) {
    return Optional.of(new ImageBatches(images, rows, labels, inputs, rescaling,
        training ? augmentation : Optional.empty(), type));
  }
}

package dev.deepbuild.runtime.examples;

import dev.deepbuild.annotations.Task;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.FixedTestSplit;
import dev.deepbuild.runtime.data.Features;
import dev.deepbuild.runtime.data.ImageFeatures;
import dev.deepbuild.runtime.data.Images;
import dev.deepbuild.runtime.data.LabelEncoder;
import dev.deepbuild.runtime.datasets.read.LabelledImages;
import dev.deepbuild.runtime.io.InputSchema;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.RescalingSpec;
import java.util.Optional;

/**
 * Labelled images as a classifier's examples: resized once as the spec's {@code @Resizing} says,
 * before any split, their pixels stay compact, and the features are
 * {@link ImageFeatures}, scaled as the spec's {@code @Rescaling} says and augmented for training as
 * its {@code @Augmentation} says. Nothing is fitted on the data, so the training rows change
 * nothing. Images are not standardized: they are rescaled.
 */
final class ImageExamples implements Examples {
  private final String model;
  private final LabelledImages images;
  private final String source;
  private final Optional<FixedTestSplit> fixedTestSplit;
  private final ImageFeatures features;
  /** The images' size as read, before {@code @Resizing}. */
  private final int readHeight;
  private final int readWidth;

  /** @throws InvalidInputException for a model that is not a classifier or standardizes */
  ImageExamples(ModelSpec spec, LabelledImages images, String source,
      Optional<FixedTestSplit> fixedTestSplit) {
    this.model = spec.name();
    this.readHeight = images.images().height();
    this.readWidth = images.images().width();
    this.images = Optional.ofNullable(spec.resizing())
        .map(size -> images.resized(size.height(), size.width())).orElse(images);
    this.source = source;
    this.fixedTestSplit = fixedTestSplit;
    if (spec.task() != Task.CLASSIFICATION) {
      throw new InvalidInputException(model + ": " + source + " has classes, not a target:"
          + " declare a classifier (a CLASSIFICATION loss on the last layer).");
    }
    if (spec.standardize()) {
      throw new InvalidInputException(model + ": " + source + " holds images, which are not"
          + " standardized: remove @Standardize and scale the pixels with @Rescaling(1 / 255.0).");
    }
    this.features = new ImageFeatures(this.images.images(), spec.rescaling(),
        Optional.ofNullable(spec.augmentation()));
  }

  @Override
  public int size() {
    return images.size();
  }

  @Override
  public int inputs() {
    return images.images().values();
  }

  @Override
  public String description() {
    Images pixels = images.images();
    return images.size() + " images of " + pixels.height() + "x" + pixels.width() + "x"
        + pixels.channels() + " from " + source;
  }

  @Override
  public EncodedLabels labels(Task task, int declaredClasses, int outputUnits) {
    return LabelEncoder.indexed(model, images.labels(), images.classNames(), declaredClasses,
        outputUnits);
  }

  @Override
  public Optional<FixedTestSplit> fixedTestSplit() {
    return fixedTestSplit;
  }

  @Override
  public Features features(int[] trainingRows) {
    return features;
  }

  @Override
  public InputSchema schema() {
    Images pixels = images.images();
    RescalingSpec rescaling = features.rescaling();
    return new InputSchema.Image(pixels.height(), pixels.width(), pixels.channels(),
        rescaling.scale(), rescaling.offset(), readHeight, readWidth);
  }
}

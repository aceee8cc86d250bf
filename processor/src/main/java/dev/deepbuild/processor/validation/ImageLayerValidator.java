package dev.deepbuild.processor.validation;

import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.Padding;
import dev.deepbuild.processor.model.BatchNormalizationOptions;
import dev.deepbuild.processor.model.Conv2DOptions;
import dev.deepbuild.processor.model.FlattenOptions;
import dev.deepbuild.processor.model.GlobalPooling2DOptions;
import dev.deepbuild.processor.model.KernelRegularizer;
import dev.deepbuild.processor.model.LayerOptions;
import dev.deepbuild.processor.model.Pooling2DOptions;
import dev.deepbuild.processor.model.PoolingKind;
import dev.deepbuild.processor.model.Window;
import java.util.Arrays;
import java.util.Optional;

/**
 * Reads the convnet layers' annotations ({@code @Conv2D}, the poolings, {@code @Flatten},
 * {@code @BatchNormalization}), reporting each value out of range on that value, with the fix.
 * Whether a layer fits its input is the layer kind's to say, once the shapes are chained.
 */
final class ImageLayerValidator {

  private final ErrorReporter errors;
  private final RegularizationValidator regularization;

  ImageLayerValidator(ErrorReporter errors, RegularizationValidator regularization) {
    this.errors = errors;
    this.regularization = regularization;
  }

  Optional<LayerOptions> conv2d(
      AnnotationSite conv, KernelRegularizer classDefault, Optional<AnnotationSite> classSite) {
    int before = errors.errorCount();
    int filters = conv.intValue("filters");
    if (filters <= 0) {
      errors.error(
          conv, "filters", "filters is the number of the output's channels, so it is positive.",
          "Set the number of filters, such as 32.");
    }
    Optional<Window> kernel = window(conv, "kernel", "the kernel's size", "{3} for 3x3");
    Optional<Window> strides = window(conv, "strides", "the step between positions", "{1}");
    Optional<KernelRegularizer> regularizer = regularization.layer(conv, classDefault, classSite);
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new Conv2DOptions(filters, kernel.orElseThrow(), strides.orElseThrow(),
        conv.enumValue("padding", Padding.class), conv.enumValue("activation", Activation.class),
        regularizer.orElseThrow()));
  }

  Optional<LayerOptions> pooling2d(AnnotationSite pooling, PoolingKind kind) {
    int before = errors.errorCount();
    Optional<Window> pool = window(pooling, "value", "the window's size", "{2} to halve the image");
    // Keras's strides=None steps by the window's size.
    Optional<Window> strides = pooling.intValues("strides").length == 0 ? pool
        : window(pooling, "strides", "the step between windows",
            "{2}, or {} for the window's size");
    if (errors.errorCount() > before) {
      return Optional.empty();
    }
    return Optional.of(new Pooling2DOptions(kind, pool.orElseThrow(), strides.orElseThrow(),
        pooling.enumValue("padding", Padding.class)));
  }

  Optional<LayerOptions> globalPooling2d(PoolingKind kind) {
    return Optional.of(new GlobalPooling2DOptions(kind));
  }

  Optional<LayerOptions> flatten() {
    return Optional.of(new FlattenOptions());
  }

  Optional<LayerOptions> batchNormalization(AnnotationSite normalization) {
    double momentum = normalization.doubleValue("momentum");
    double epsilon = normalization.doubleValue("epsilon");
    if (!BatchNormalizationOptions.validMomentum(momentum)) {
      errors.error(
          normalization, "momentum",
          "momentum is the fraction of the moving mean and variance each batch keeps, so it is"
              + " in [0, 1).",
          "Set a momentum such as 0.99, Keras's default, or remove it.");
    }
    if (!BatchNormalizationOptions.validEpsilon(epsilon)) {
      errors.error(
          normalization, "epsilon",
          "epsilon is added to the variance before dividing by its root, so it is a positive,"
              + " finite number.",
          "Set a small epsilon such as 0.001, Keras's default, or remove it.");
    }
    if (!BatchNormalizationOptions.validMomentum(momentum)
        || !BatchNormalizationOptions.validEpsilon(epsilon)) {
      return Optional.empty();
    }
    return Optional.of(new BatchNormalizationOptions(momentum, epsilon));
  }

  /** A window or stride written as one positive value (a square) or two (height, width). */
  private Optional<Window> window(
      AnnotationSite site, String member, String meaning, String example) {
    int[] values = site.intValues(member);
    if (values.length < 1 || values.length > 2) {
      errors.error(
          site, member,
          member + " is " + meaning + ": one value for a square, or {height, width}, and it has "
              + values.length + ".",
          "Set " + member + " = " + example + ".");
      return Optional.empty();
    }
    if (Arrays.stream(values).anyMatch(value -> value <= 0)) {
      errors.error(
          site, member,
          member + " is " + meaning + " in pixels, so each value is positive.",
          "Set " + member + " = " + example + ".");
      return Optional.empty();
    }
    return Optional.of(Window.of(values));
  }
}

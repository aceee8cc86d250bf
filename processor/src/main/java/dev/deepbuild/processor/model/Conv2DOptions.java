package dev.deepbuild.processor.model;

import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.Padding;
import java.util.Objects;

/**
 * A {@code @Conv2D} layer: {@code filters} kernels slid over an image, each giving one channel.
 *
 * @param filters the number of output channels
 * @param kernel the kernel's size
 * @param strides the step between positions
 * @param padding whether the edges are zero-padded to keep {@code ceil(in / stride)} pixels
 * @param activation the activation of the output
 * @param regularizer the penalty on the kernel: the layer's own factors, else the class's
 *     {@code @Regularization}'s, else none
 */
public record Conv2DOptions(int filters, Window kernel, Window strides, Padding padding,
    Activation activation, KernelRegularizer regularizer) implements LayerOptions {

  public Conv2DOptions {
    if (filters <= 0) {
      throw new IllegalArgumentException("filters must be positive: " + filters);
    }
    Objects.requireNonNull(kernel, "kernel");
    Objects.requireNonNull(strides, "strides");
    Objects.requireNonNull(padding, "padding");
    Objects.requireNonNull(activation, "activation");
    Objects.requireNonNull(regularizer, "regularizer");
  }

  @Override
  public LayerKind kind() {
    return LayerKind.CONV2D;
  }

  /** An image of {@code filters} channels, as many positions as the kernel takes. */
  @Override
  public Shape outputShape(Shape input) {
    return kernel.over(Images.image(input, "Conv2D"), strides, padding, filters, "Conv2D",
        "kernel");
  }

  /** A {@code kh × kw × channels} kernel per filter, and one bias per filter. */
  @Override
  public Size parameters(Shape input) {
    Shape.Image image = Images.image(input, "Conv2D");
    return Size.of((long) kernel.height() * kernel.width() * image.channels() + 1)
        .times(filters);
  }

  @Override
  public <R> R accept(Visitor<R> visitor) {
    return visitor.conv2d(this);
  }
}

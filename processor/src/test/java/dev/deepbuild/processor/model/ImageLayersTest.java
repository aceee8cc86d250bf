package dev.deepbuild.processor.model;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.Padding;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Keras's arithmetic of the convnet layers' shapes and parameter counts. */
class ImageLayersTest {
  private static final Window ONE = new Window(1, 1);
  private static final Window TWO = new Window(2, 2);
  private static final Window THREE = new Window(3, 3);

  @Test
  void validKeepsWholeWindowsAndSameCeilsByTheStride() {
    assertThat(Padding.VALID.outputSize(28, 3, 1)).isEqualTo(26);
    assertThat(Padding.VALID.outputSize(13, 2, 2)).isEqualTo(6);
    assertThat(Padding.VALID.outputSize(2, 3, 1)).isEqualTo(0);
    assertThat(Padding.SAME.outputSize(28, 3, 1)).isEqualTo(28);
    assertThat(Padding.SAME.outputSize(13, 2, 2)).isEqualTo(7);
    assertThat(Padding.SAME.outputSize(2, 5, 3)).isEqualTo(1);
  }

  @Test
  void convolutionCountsEachFiltersKernelAndBias() {
    Conv2DOptions conv = new Conv2DOptions(64, new Window(3, 5), new Window(2, 1), Padding.VALID,
        Activation.RELU, KernelRegularizer.NONE);
    Shape.Image input = new Shape.Image(13, 13, 32);

    assertThat(conv.outputShape(input)).isEqualTo(new Shape.Image(6, 9, 64));
    assertThat(conv.parameters(input)).isEqualTo(Size.of((3 * 5 * 32 + 1) * 64));
  }

  @Test
  void poolingKeepsTheChannelsAndHasNoParameters() {
    Pooling2DOptions pool = new Pooling2DOptions(PoolingKind.MAX, TWO, TWO, Padding.SAME);
    Shape.Image input = new Shape.Image(5, 5, 64);

    assertThat(pool.outputShape(input)).isEqualTo(new Shape.Image(3, 3, 64));
    assertThat(pool.parameters(input)).isEqualTo(Size.of(0));
  }

  @Test
  void flattenAndGlobalPoolingGiveVectors() {
    Shape.Image input = new Shape.Image(3, 3, 128);

    assertThat(new FlattenOptions().outputShape(input)).isEqualTo(Shape.vector(1152));
    assertThat(new GlobalPooling2DOptions(PoolingKind.AVERAGE).outputShape(input))
        .isEqualTo(Shape.vector(128));
  }

  @Test
  void batchNormalizationHasFourParametersPerChannelTwoOfThemNotTrainable() {
    BatchNormalizationOptions norm = new BatchNormalizationOptions(0.99, 0.001);

    assertThat(norm.parameters(new Shape.Image(3, 3, 128))).isEqualTo(Size.of(512));
    assertThat(norm.nonTrainableParameters(new Shape.Image(3, 3, 128))).isEqualTo(Size.of(256));
    assertThat(norm.parameters(Shape.vector(64))).isEqualTo(Size.of(256));
    assertThat(norm.outputShape(Shape.vector(64))).isEqualTo(Shape.vector(64));
  }

  @Test
  void imageLayersRejectVectorsSayingHowToFix() {
    Conv2DOptions conv = new Conv2DOptions(8, THREE, ONE, Padding.VALID, Activation.RELU,
        KernelRegularizer.NONE);

    ShapeMismatch vector = assertThrows(ShapeMismatch.class, () -> conv.outputShape(
        Shape.vector(16)));
    assertThat(vector).hasMessageThat().isEqualTo(
        "Conv2D takes an image (None, height, width, channels) but gets (None, 16)");
    assertThat(vector.member().isEmpty()).isTrue();
    ShapeMismatch tooSmall = assertThrows(ShapeMismatch.class,
        () -> conv.outputShape(new Shape.Image(2, 8, 1)));
    assertThat(tooSmall.member().orElseThrow()).isEqualTo("kernel");
  }

  @Test
  void concatenationJoinsImagesOfOneSizeAlongTheirChannels() {
    assertThat(MergeKind.CONCATENATE.merge(List.of(new Shape.Image(13, 13, 32),
        new Shape.Image(13, 13, 16)))).isEqualTo(new Shape.Image(13, 13, 48));

    IllegalArgumentException sizes = assertThrows(IllegalArgumentException.class,
        () -> MergeKind.CONCATENATE.merge(List.of(new Shape.Image(13, 13, 32),
            new Shape.Image(11, 11, 32))));
    assertThat(sizes).hasMessageThat().isEqualTo("Concatenate joins images of one height and"
        + " width along their channels, and the inputs are (None, 13, 13, 32) and"
        + " (None, 11, 11, 32)");
    assertThrows(IllegalArgumentException.class, () -> MergeKind.CONCATENATE.merge(
        List.of(Shape.vector(8), new Shape.Image(2, 2, 2))));
    assertThat(MergeKind.ADD.merge(List.of(new Shape.Image(5, 5, 8), new Shape.Image(5, 5, 8))))
        .isEqualTo(new Shape.Image(5, 5, 8));
  }
}

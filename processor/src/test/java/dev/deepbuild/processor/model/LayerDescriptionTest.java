package dev.deepbuild.processor.model;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.annotations.Activation;
import org.junit.jupiter.api.Test;

class LayerDescriptionTest {

  @Test
  void firstDenseLayerHasTheUnknownInputSize() {
    LayerDescription hidden =
        LayerDescription.of("hidden", new DenseOptions(16, Activation.RELU), Shape.INPUTS);

    assertThat(hidden.kind()).isEqualTo(LayerKind.DENSE);
    assertThat(hidden.inputShape()).isEqualTo(Shape.INPUTS);
    assertThat(hidden.outputShape()).isEqualTo(Shape.vector(16));
    assertThat(hidden.parameters().isKnown()).isFalse();
    assertThat(hidden.parameters().toString()).isEqualTo("inputs * 16 + 16");
  }

  @Test
  void laterDenseLayerIsFullyKnown() {
    LayerDescription output =
        LayerDescription.of("output", new DenseOptions(3, Activation.SOFTMAX), Shape.vector(16));

    assertThat(output.outputShape()).isEqualTo(Shape.vector(3));
    assertThat(output.outputShape().keras()).isEqualTo("(None, 3)");
    assertThat(output.parameters()).isEqualTo(Size.of(16 * 3 + 3));
  }

  @Test
  void dropoutPassesItsInputShapeThroughWithoutParameters() {
    LayerDescription drop = LayerDescription.of("drop", new DropoutOptions(0.2), Shape.INPUTS);
    Shape image = new Shape.Image(28, 28, 1);

    assertThat(drop.kind()).isEqualTo(LayerKind.DROPOUT);
    assertThat(drop.outputShape()).isEqualTo(Shape.INPUTS);
    assertThat(drop.parameters()).isEqualTo(Size.of(0));
    assertThat(new DropoutOptions(0.5).outputShape(image)).isEqualTo(image);
  }

  @Test
  void denseLayerTakesOnlyAFeatureVector() {
    DenseOptions dense = new DenseOptions(8, Activation.RELU);

    IllegalArgumentException sequence = assertThrows(IllegalArgumentException.class,
        () -> LayerDescription.of("d", dense, new Shape.Sequence(20, Size.of(16))));
    IllegalArgumentException image = assertThrows(IllegalArgumentException.class,
        () -> LayerDescription.of("d", dense, new Shape.Image(28, 28, 1)));

    assertThat(sequence).hasMessageThat()
        .isEqualTo("Dense takes a vector but gets (None, 20, 16)");
    assertThat(image).hasMessageThat()
        .isEqualTo("Dense takes a vector but gets (None, 28, 28, 1)");
    assertThat(((ShapeMismatch) image).fix())
        .isEqualTo("Add @Flatten or @GlobalAveragePooling2D before it.");
  }

  @Test
  void optionsRejectWhatValidationReports() {
    assertThrows(IllegalArgumentException.class, () -> new DenseOptions(0, Activation.RELU));
    assertThrows(IllegalArgumentException.class, () -> new DropoutOptions(1));
    assertThrows(IllegalArgumentException.class, () -> Size.of(-1));
  }
}

package dev.deepbuild.processor.model;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.annotations.Activation;
import org.junit.jupiter.api.Test;

class LayerDescriptionTest {

  @Test
  void firstDenseLayerHasTheUnknownInputSize() {
    LayerDescription hidden =
        LayerDescription.of("hidden", new DenseOptions(16, Activation.RELU), Size.INPUTS);

    assertThat(hidden.kind()).isEqualTo(LayerKind.DENSE);
    assertThat(hidden.inputSize()).isEqualTo(Size.INPUTS);
    assertThat(hidden.outputSize()).isEqualTo(Size.of(16));
    assertThat(hidden.parameters().isKnown()).isFalse();
    assertThat(hidden.parameters().toString()).isEqualTo("inputs * 16 + 16");
  }

  @Test
  void laterDenseLayerIsFullyKnown() {
    LayerDescription output =
        LayerDescription.of("output", new DenseOptions(3, Activation.SOFTMAX), Size.of(16));

    assertThat(output.outputSize()).isEqualTo(Size.of(3));
    assertThat(output.parameters()).isEqualTo(Size.of(16 * 3 + 3));
  }

  @Test
  void dropoutPassesItsInputSizeThroughWithoutParameters() {
    LayerDescription drop = LayerDescription.of("drop", new DropoutOptions(0.2), Size.INPUTS);

    assertThat(drop.kind()).isEqualTo(LayerKind.DROPOUT);
    assertThat(drop.outputSize()).isEqualTo(Size.INPUTS);
    assertThat(drop.parameters()).isEqualTo(Size.of(0));
  }

  @Test
  void optionsRejectWhatValidationReports() {
    assertThrows(IllegalArgumentException.class, () -> new DenseOptions(0, Activation.RELU));
    assertThrows(IllegalArgumentException.class, () -> new DropoutOptions(1));
    assertThrows(IllegalArgumentException.class, () -> Size.of(-1));
  }
}

package dev.deepbuild.processor.model;

import static com.google.common.truth.Truth.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ShapeTest {

  @Test
  void vectorIsItsFeatures() {
    assertThat(Shape.vector(784).size()).isEqualTo(Size.of(784));
    assertThat(Shape.vector(784).keras()).isEqualTo("(None, 784)");
    assertThat(Shape.INPUTS.isKnown()).isFalse();
    assertThat(Shape.INPUTS.keras()).isEqualTo("(None, inputs)");
  }

  @Test
  void sequenceHasStepsOfFeatures() {
    Shape known = new Shape.Sequence(20, Size.of(16));
    Shape perStepFromData = new Shape.Sequence(20, Size.INPUTS);

    assertThat(known.size()).isEqualTo(Size.of(320));
    assertThat(known.keras()).isEqualTo("(None, 20, 16)");
    assertThat(perStepFromData.isKnown()).isFalse();
    assertThat(perStepFromData.size().toString()).isEqualTo("inputs * 20");
  }

  @Test
  void imageIsHeightByWidthByChannels() {
    Shape image = new Shape.Image(28, 28, 3);

    assertThat(image.size()).isEqualTo(Size.of(28 * 28 * 3));
    assertThat(image.keras()).isEqualTo("(None, 28, 28, 3)");
  }

  @Test
  void dimensionsArePositive() {
    assertThrows(IllegalArgumentException.class, () -> new Shape.Sequence(0, Size.of(16)));
    assertThrows(IllegalArgumentException.class, () -> new Shape.Image(28, 0, 1));
  }
}

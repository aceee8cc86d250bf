package dev.deepbuild.processor.writer;

import static com.google.common.truth.Truth.assertThat;

import dev.deepbuild.processor.model.Shape;
import dev.deepbuild.processor.model.Size;
import org.junit.jupiter.api.Test;

/** Each shape becomes the DL4J input type from which DL4J infers nIn and the preprocessors. */
class InputTypeTest {
  private static final String INPUT_TYPE = "org.deeplearning4j.nn.conf.inputs.InputType";

  @Test
  void vectorIsFeedForward() {
    assertThat(NetworkWriter.inputType(Shape.vector(784)).toString())
        .isEqualTo(INPUT_TYPE + ".feedForward(784)");
    assertThat(NetworkWriter.inputType(Shape.INPUTS).toString())
        .isEqualTo(INPUT_TYPE + ".feedForward(inputs)");
  }

  /** DL4J's recurrent type takes the features first, then the length. */
  @Test
  void sequenceIsRecurrentFeaturesThenLength() {
    assertThat(NetworkWriter.inputType(new Shape.Sequence(20, Size.of(16))).toString())
        .isEqualTo(INPUT_TYPE + ".recurrent(16, 20)");
  }

  /**
   * DL4J's NCHW, its fast path, with the image's size kept in the configuration: the flat type
   * adds the preprocessor that holds it and passes NCHW arrays through.
   */
  @Test
  void imageIsConvolutionalFlatNchw() {
    assertThat(NetworkWriter.inputType(new Shape.Image(28, 32, 3)).toString())
        .isEqualTo(INPUT_TYPE + ".convolutionalFlat(28, 32, 3)");
  }

  /** An image a flatten takes as it is: the flat type's preprocessor would refuse NCHW arrays. */
  @Test
  void imageAFlattenTakesIsConvolutional() {
    assertThat(NetworkWriter.inputType(new Shape.Image(28, 32, 3), true).toString())
        .isEqualTo(INPUT_TYPE + ".convolutional(28, 32, 3)");
  }
}

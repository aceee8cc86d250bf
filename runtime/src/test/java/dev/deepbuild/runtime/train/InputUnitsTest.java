package dev.deepbuild.runtime.train;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.runtime.InvalidInputException;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/** The generated network states its input type, not nIn: DL4J's inferred nIn is what is checked. */
class InputUnitsTest {

  /** As generated for a vectorized text of 5000 columns, starting with dropout. */
  private static MultiLayerConfiguration network() {
    return new NeuralNetConfiguration.Builder()
        .seed(42)
        .list()
        .setInputType(InputType.feedForward(5000))
        .layer(new DropoutLayer.Builder(0.9).name("noise").build())
        .layer(new DenseLayer.Builder().name("hidden").nOut(16).activation(Activation.RELU).build())
        .layer(new OutputLayer.Builder(LossFunction.XENT).name("output").nOut(1)
            .activation(Activation.SIGMOID).build())
        .build();
  }

  @Test
  void theInferredInputCountMatchesTheData() {
    assertDoesNotThrow(() -> InputUnits.check("reviews", network(), 5000));
  }

  @Test
  void anInferredInputCountOtherThanTheDataIsReported() {
    InvalidInputException e =
        assertThrows(InvalidInputException.class, () -> InputUnits.check("reviews", network(), 4000));
    assertEquals("reviews: the first layer, hidden, takes 5000 inputs, but the data has 4000"
        + " features; rebuild the project so the generated code matches the data.", e.getMessage());
  }
}

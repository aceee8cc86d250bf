package dev.deepbuild.processor.writer;

import static com.google.common.truth.Truth.assertThat;

import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.Loss;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The names generated code uses exist in the DL4J version the runtime ships. */
class Dl4jNamesTest {

  @Test
  void everyActivationHasADl4jConstant() {
    for (Activation activation : Activation.values()) {
      String constant = NetworkWriter.activation(activation);
      assertThat(org.nd4j.linalg.activations.Activation.valueOf(constant)).isNotNull();
    }
    assertThat(NetworkWriter.activation(Activation.LINEAR)).isEqualTo("IDENTITY");
  }

  @Test
  void everyLossHasADl4jLossFunction() {
    for (Loss loss : Loss.values()) {
      assertThat(LossFunctions.LossFunction.valueOf(NetworkWriter.lossFunction(loss))).isNotNull();
    }
  }

  @Test
  void typeNamesNameClassesOnTheRuntimeClassPath() throws ClassNotFoundException {
    for (var name :
        new com.squareup.javapoet.ClassName[] {
          TypeNames.MODEL_DEFINITION, TypeNames.MODEL_SPEC, TypeNames.CSV_SOURCE,
          TypeNames.MULTI_LAYER_CONFIGURATION, TypeNames.NEURAL_NET_CONFIGURATION_BUILDER,
          TypeNames.DENSE_LAYER_BUILDER, TypeNames.DROPOUT_LAYER_BUILDER,
          TypeNames.OUTPUT_LAYER_BUILDER, TypeNames.MAX_NORM_CONSTRAINT, TypeNames.WEIGHT_INIT, TypeNames.ACTIVATION,
          TypeNames.LOSS_FUNCTION, TypeNames.ADAM, TypeNames.RMS_PROP, TypeNames.SGD,
          TypeNames.ADA_GRAD
        }) {
      assertThat(Class.forName(name.reflectionName())).isNotNull();
    }
  }
}

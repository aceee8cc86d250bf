package dev.deepbuild.processor.writer;

import static dev.deepbuild.processor.writer.Literals.decimal;

import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.Loss;
import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.DenseOptions;
import dev.deepbuild.processor.model.DropoutOptions;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.OptimizerDescription;
import dev.deepbuild.processor.model.Size;
import dev.deepbuild.processor.model.VectorizationDescription;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code ModelDefinition.network(int inputs)}: the DL4J configuration, with Keras's
 * defaults wherever DL4J's differ, so that a model trains as its Keras twin would.
 */
final class NetworkWriter {

  private NetworkWriter() {}

  static MethodSpec network(ModelDescription model) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .add("return new $T()\n", TypeNames.NEURAL_NET_CONFIGURATION_BUILDER)
            .add(".seed($LL)\n", model.seed())
            .add(".weightInit($T.XAVIER_UNIFORM)  // Keras's glorot_uniform\n",
                TypeNames.WEIGHT_INIT)
            .add(".updater($L)$L\n", updater(model.training().optimizer()),
                updaterComment(model.training().optimizer()))
            .add(".list()\n");
    if (model.inputSize().isKnown()) {
      code.add("// inputs is $L: $L\n", model.inputSize(), knownInputs(model));
    }
    for (LayerDescription layer : model.layers()) {
      boolean output = layer == model.outputLayer();
      code.add(switch (layer.kind()) {
        case DENSE -> dense(layer, (DenseOptions) layer.options(), output, model.training().loss());
        case DROPOUT -> dropout(layer, (DropoutOptions) layer.options());
      });
    }
    code.add(".build()");
    return MethodSpec.methodBuilder("network")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeNames.MULTI_LAYER_CONFIGURATION)
        // A CSV table's feature count, known at run time only; Size.INPUTS reads as this
        // parameter. Texts and built-in tables have theirs at compile time, which the runtime
        // checks against the count it passes.
        .addParameter(int.class, Size.INPUTS.toString())
        .addStatement("$L", code.build())
        .build();
  }

  private static CodeBlock dense(
      LayerDescription layer, DenseOptions dense, boolean output, Loss loss) {
    if (output) {
      return CodeBlock.of(
          ".layer(new $T($T.$L).name($S).nIn($L).nOut($L).activation($T.$L).build())\n",
          TypeNames.OUTPUT_LAYER_BUILDER, TypeNames.LOSS_FUNCTION, lossFunction(loss),
          layer.name(), layer.inputSize(), dense.units(),
          TypeNames.ACTIVATION, activation(dense.activation()));
    }
    return CodeBlock.of(
        ".layer(new $T().name($S).nIn($L).nOut($L).activation($T.$L).build())\n",
        TypeNames.DENSE_LAYER_BUILDER, layer.name(), layer.inputSize(), dense.units(),
        TypeNames.ACTIVATION, activation(dense.activation()));
  }

  private static CodeBlock dropout(LayerDescription layer, DropoutOptions dropout) {
    return CodeBlock.builder()
        .add("// Keras's Dropout($L) drops $L of its inputs; DL4J's dropout takes the fraction"
                + " kept.\n",
            decimal(dropout.rate()), Literals.percent(dropout.rate()))
        .add(".layer(new $T($L).name($S).build())\n",
            TypeNames.DROPOUT_LAYER_BUILDER, Literals.complement(dropout.rate()), layer.name())
        .build();
  }

  /** Where an input size known at compile time comes from, for a comment. */
  private static String knownInputs(ModelDescription model) {
    if (model.vectorization().isPresent()) {
      VectorizationDescription vectorization = model.vectorization().get();
      return switch (vectorization.mode()) {
        case MULTI_HOT -> "a multi-hot column per vocabulary word (maxTokens)";
        case INT -> "a text's word indices, padded or truncated (outputSequenceLength)";
      };
    }
    if (model.data() instanceof DataDescription.Builtin builtin) {
      return builtin.dataset() + "'s features";
    }
    throw new IllegalArgumentException("no input size is known for " + model.data());
  }

  /** Keras's defaults for everything but the learning rate; DL4J's differ. */
  private static CodeBlock updater(OptimizerDescription optimizer) {
    String rate = decimal(optimizer.learningRate());
    return switch (optimizer.type()) {
      case SGD -> CodeBlock.of("new $T($L)", TypeNames.SGD, rate);
      case ADAM -> CodeBlock.of("new $T($L, 0.9, 0.999, 1e-7)", TypeNames.ADAM, rate);
      case RMSPROP -> CodeBlock.of("new $T($L, 0.9, 1e-7)", TypeNames.RMS_PROP, rate);
      case ADAGRAD -> CodeBlock.of("new $T($L, 1e-7)", TypeNames.ADA_GRAD, rate);
    };
  }

  private static String updaterComment(OptimizerDescription optimizer) {
    if (optimizer.usesDefaultLearningRate()) {
      String kerasName = switch (optimizer.type()) {
        case SGD -> "SGD";
        case ADAM -> "Adam";
        case RMSPROP -> "RMSprop";
        case ADAGRAD -> "Adagrad";
      };
      return "  // Keras's " + kerasName + " defaults";
    }
    return switch (optimizer.type()) {
      case SGD -> "";
      case ADAM -> "  // Keras's defaults for beta_1, beta_2, epsilon";
      case RMSPROP -> "  // Keras's defaults for rho, epsilon";
      case ADAGRAD -> "  // Keras's default for epsilon";
    };
  }

  static String activation(Activation activation) {
    return switch (activation) {
      case LINEAR -> "IDENTITY";
      case RELU -> "RELU";
      case SIGMOID -> "SIGMOID";
      case SOFTMAX -> "SOFTMAX";
      case TANH -> "TANH";
      case ELU -> "ELU";
      case SELU -> "SELU";
      case SOFTPLUS -> "SOFTPLUS";
      case SWISH -> "SWISH";
      case GELU -> "GELU";
    };
  }

  static String lossFunction(Loss loss) {
    return switch (loss) {
      // DL4J's XENT is binary crossentropy on a sigmoid output; MCXENT is the multi-class one.
      case BINARY_CROSSENTROPY -> "XENT";
      case CATEGORICAL_CROSSENTROPY -> "MCXENT";
      case MEAN_SQUARED_ERROR -> "MSE";
      case MEAN_ABSOLUTE_ERROR -> "MEAN_ABSOLUTE_ERROR";
    };
  }
}

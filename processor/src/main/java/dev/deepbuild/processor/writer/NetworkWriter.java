package dev.deepbuild.processor.writer;

import static dev.deepbuild.processor.writer.Literals.decimal;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.Loss;
import dev.deepbuild.processor.model.CustomOptions;
import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.DenseOptions;
import dev.deepbuild.processor.model.DropoutOptions;
import dev.deepbuild.processor.model.KernelRegularizer;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.LayerOptions;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.OptimizerDescription;
import dev.deepbuild.processor.model.PretrainedOptions;
import dev.deepbuild.processor.model.Shape;
import dev.deepbuild.processor.model.Size;
import dev.deepbuild.processor.model.VectorizationDescription;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code ModelDefinition.network(int inputs)}: the DL4J configuration, with Keras's
 * defaults wherever DL4J's differ, so that a model trains as its Keras twin would.
 */
final class NetworkWriter {

  /** The column a layer builder's continuation lines start at, below its {@code .layer(}. */
  private static final int LAYER_COLUMN = Chains.STATEMENT_COLUMN + Chains.CONTINUATION;

  private NetworkWriter() {}

  static MethodSpec network(ModelDescription model) {
    if (model.graph().isPresent()) {
      return GraphWriter.network(model, model.graph().get());
    }
    CodeBlock.Builder code = defaults(model).add(".list()\n");
    Optional<PretrainedOptions> base = PretrainedWriter.base(model);
    if (base.isPresent()) {
      code.add(PretrainedWriter.comment(model.layers().get(0), base.get()));
    } else if (model.inputShape().isKnown()) {
      code.add("// inputs is $L: $L\n", model.inputShape().size(), knownInputs(model));
    }
    code.add(".setInputType($L)  // DL4J infers each layer's nIn from it\n",
        inputType(PretrainedWriter.headInput(model)));
    List<CodeBlock> declared = new ArrayList<>();
    for (LayerDescription layer : model.layers()) {
      boolean output = layer == model.outputLayer();
      code.add(layer.options().accept(new LayerOptions.Visitor<CodeBlock>() {
        @Override
        public CodeBlock dense(DenseOptions dense) {
          return denseLayer(layer, dense, output, model.training().loss());
        }

        @Override
        public CodeBlock dropout(DropoutOptions dropout) {
          return dropoutLayer(layer, dropout);
        }

        @Override
        public CodeBlock custom(CustomOptions custom) {
          declared.add(CustomLayers.declared(layer.name(), custom, layer.outputShape(),
              List.of(layer.inputShape())));
          // DL4J names a layer it is given built by its place; the summary shows the field's name.
          return CodeBlock.of(".layer($T.named($S, $L))\n", CustomLayers.CUSTOM_LAYER,
              layer.name(), CustomLayers.create(custom));
        }

        @Override
        public CodeBlock pretrained(PretrainedOptions pretrained) {
          // The base is loaded with its weights at run time; the configuration is the head.
          return CodeBlock.of("");
        }
      }));
    }
    code.add(".build()");
    return method(TypeNames.MULTI_LAYER_CONFIGURATION, code.build(), declared,
        PretrainedWriter.configured(model));
  }

  /**
   * {@code network(int inputs)}: the configuration built into {@code conf}, then wrapped for the
   * runtime.
   */
  static MethodSpec method(ClassName configuration, CodeBlock build, List<CodeBlock> declared) {
    return method(configuration, build, declared,
        CodeBlock.of("$T.of(conf)", TypeNames.NETWORK_CONFIGURATION));
  }

  /** @param configured the runtime's configuration of {@code conf} */
  static MethodSpec method(ClassName configuration, CodeBlock build, List<CodeBlock> declared,
      CodeBlock configured) {
    CodeBlock wrapped = declared.isEmpty()
        ? CodeBlock.of("return $L", configured)
        : CodeBlock.builder()
            .add("return $L.declaring(\n", configured)
            .add(CodeBlock.join(declared, ",\n"))
            .add(")")
            .build();
    return MethodSpec.methodBuilder("network")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(TypeNames.NETWORK_CONFIGURATION)
        // A CSV table's feature count, known at run time only; Size.INPUTS reads as this
        // parameter. Texts and built-in tables have theirs at compile time, which the runtime
        // checks against the count it passes.
        .addParameter(int.class, Size.INPUTS.toString())
        .addStatement("$T conf = $L", configuration, build)
        .addCode(declared.isEmpty() ? CodeBlock.of("")
            : CodeBlock.of("// DL4J has called each custom layer's getOutputType: the runtime"
                + " checks the shapes and\n// parameters against the @Custom's\n"))
        .addStatement(wrapped)
        .build();
  }

  /** The builder with the seed, Keras's weight initialization and the optimizer. */
  static CodeBlock.Builder defaults(ModelDescription model) {
    return CodeBlock.builder()
        .add("new $T()\n", TypeNames.NEURAL_NET_CONFIGURATION_BUILDER)
        .add(".seed($LL)\n", model.seed())
        .add(".weightInit($T.XAVIER_UNIFORM)  // Keras's glorot_uniform\n", TypeNames.WEIGHT_INIT)
        .add(".updater($L)$L\n", updater(model.training().optimizer()),
            updaterComment(model.training().optimizer()));
  }

  /**
   * The network's input as DL4J's {@code InputType}, from which DL4J infers every layer's
   * {@code nIn} and inserts the preprocessors between shapes. Images are channels last, as
   * Keras's.
   */
  static CodeBlock inputType(Shape input) {
    return input.accept(new Shape.Visitor<CodeBlock>() {
      @Override
      public CodeBlock vector(Shape.Vector vector) {
        return CodeBlock.of("$T.feedForward($L)", TypeNames.INPUT_TYPE, vector.features());
      }

      @Override
      public CodeBlock sequence(Shape.Sequence sequence) {
        return CodeBlock.of("$T.recurrent($L, $L)", TypeNames.INPUT_TYPE, sequence.features(),
            sequence.length());
      }

      @Override
      public CodeBlock image(Shape.Image image) {
        return CodeBlock.of("$T.convolutional($L, $L, $L, $T.NHWC)", TypeNames.INPUT_TYPE,
            image.height(), image.width(), image.channels(), TypeNames.CNN_2D_FORMAT);
      }
    });
  }

  private static CodeBlock denseLayer(
      LayerDescription layer, DenseOptions dense, boolean output, Loss loss) {
    CodeBlock builder = output
        ? CodeBlock.of("new $T($T.$L)", denseBuilder(true), TypeNames.LOSS_FUNCTION,
            lossFunction(loss))
        : CodeBlock.of("new $T()", denseBuilder(false));
    CodeBlock name = CodeBlock.of(".name($S)", layer.name());
    // The builder and the layer's name on the first line (the name on the next when both do not
    // fit), its shape and activation on the next, then the weights' penalty and constraint, each
    // with why it reads as it does, indented as a continuation of the layer's builder.
    boolean nameFits = Chains.STATEMENT_COLUMN + ".layer(".length() + Chains.width(builder)
        + Chains.width(name) <= Comments.WIDTH;
    return CodeBlock.builder()
        .add(nameFits ? ".layer($L$L\n$>$>" : ".layer($L\n$>$>$L\n", builder, name)
        .add(denseOptions(dense))
        .add(".build())$<$<\n")
        .build();
  }

  /**
   * A dense layer's units and activation, then the weights' penalty and constraint, each with
   * why it reads as it does, one per line.
   */
  static CodeBlock denseOptions(DenseOptions dense) {
    CodeBlock.Builder code = CodeBlock.builder()
        .add(".nOut($L).activation($T.$L)\n", dense.units(),
            TypeNames.ACTIVATION, activation(dense.activation()));
    KernelRegularizer regularizer = dense.regularizer();
    if (regularizer.l1() > 0) {
      code.add(".l1($L)\n", decimal(regularizer.l1()));
    }
    if (regularizer.l2() > 0) {
      code.add(".l2($L)  // Keras's l2($L): DL4J's L2 adds half the squared sum\n",
          decimal(dl4jL2(regularizer.l2())), decimal(regularizer.l2()));
    }
    if (dense.hasMaxNorm()) {
      code.add("$L", Comments.wrapped("Keras's MaxNorm(" + decimal(dense.maxNorm())
              + "): each unit's incoming weights, dimension 0 of [nIn, nOut]", LAYER_COLUMN))
          .add(".constrainWeights(new $T($L, $L))\n", TypeNames.MAX_NORM_CONSTRAINT,
              decimal(dense.maxNorm()), MAX_NORM_DIMENSION);
    }
    return code.build();
  }

  /** The builder of a dense layer's DL4J class: the output layer's takes the loss. */
  static ClassName denseBuilder(boolean output) {
    return output ? TypeNames.OUTPUT_LAYER_BUILDER : TypeNames.DENSE_LAYER_BUILDER;
  }

  /**
   * DL4J's L2 factor for Keras's: Keras adds {@code l2 * sum(w²)} to the loss, DL4J's
   * {@code L2Regularization} {@code 0.5 * l2 * sum(w²)} (its gradient {@code l2 * w}), so DL4J
   * takes twice the factor. L1 is {@code l1 * sum(|w|)} in both.
   */
  static double dl4jL2(double kerasL2) {
    return 2 * kerasL2;
  }

  /**
   * The dimension {@code MaxNormConstraint} takes the norm over: DL4J's dense weights are
   * {@code [nIn, nOut]}, so dimension 0 gives each unit's incoming weights, as Keras's
   * {@code MaxNorm(axis=0)} on its {@code [input_dim, units]} kernel. (DL4J's javadoc suggests 1,
   * which would constrain each input's outgoing weights instead.)
   */
  static final int MAX_NORM_DIMENSION = 0;

  /** Why a dropout layer's builder takes the fraction kept, as a comment line. */
  static CodeBlock dropoutComment(DropoutOptions dropout) {
    return CodeBlock.of("// Keras's Dropout($L) drops $L of its inputs; DL4J's dropout takes the"
        + " fraction kept.\n", decimal(dropout.rate()), Literals.percent(dropout.rate()));
  }

  private static CodeBlock dropoutLayer(LayerDescription layer, DropoutOptions dropout) {
    return CodeBlock.builder()
        .add(dropoutComment(dropout))
        .add(Chains.call("layer",
            List.of(
                CodeBlock.of("new $T($L)", TypeNames.DROPOUT_LAYER_BUILDER,
                    Literals.complement(dropout.rate())),
                CodeBlock.of(".name($S)", layer.name()),
                CodeBlock.of(".build()")),
            Chains.STATEMENT_COLUMN))
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
    return model.data().accept(new DataDescription.Visitor<String>() {
      @Override
      public String csvTable(DataDescription.CsvTable table) {
        throw new IllegalArgumentException("no input size is known for " + table);
      }

      @Override
      public String builtin(DataDescription.Builtin builtin) {
        return builtin.dataset() + "'s features";
      }

      @Override
      public String texts(DataDescription.Texts texts) {
        throw new IllegalArgumentException("no input size is known for unvectorized " + texts);
      }

      @Override
      public String provided(DataDescription.Provided provided) {
        throw new IllegalArgumentException("a sequential model has no " + provided);
      }
    });
  }

  /** Keras's defaults for everything but the learning rate; DL4J's differ. */
  static CodeBlock updater(OptimizerDescription optimizer) {
    String rate = decimal(optimizer.learningRate());
    return switch (optimizer.type()) {
      case SGD -> CodeBlock.of("new $T($L)", TypeNames.SGD, rate);
      case ADAM -> CodeBlock.of("new $T($L, 0.9, 0.999, 1e-7)", TypeNames.ADAM, rate);
      case RMSPROP -> CodeBlock.of("new $T($L, 0.9, 1e-7)", TypeNames.RMS_PROP, rate);
      case ADAGRAD -> CodeBlock.of("new $T($L, 1e-7)", TypeNames.ADA_GRAD, rate);
    };
  }

  static String updaterComment(OptimizerDescription optimizer) {
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
    return dl4jLoss(loss).constant();
  }

  /**
   * DL4J's loss of a Keras loss: the constant of its {@code LossFunction} enum, and the class that
   * constant stands for, which a weighted output wraps.
   */
  static Dl4jLoss dl4jLoss(Loss loss) {
    return switch (loss) {
      // DL4J's XENT is binary crossentropy on a sigmoid output; MCXENT is the multi-class one.
      case BINARY_CROSSENTROPY -> new Dl4jLoss("XENT", "LossBinaryXENT");
      case CATEGORICAL_CROSSENTROPY -> new Dl4jLoss("MCXENT", "LossMCXENT");
      case MEAN_SQUARED_ERROR -> new Dl4jLoss("MSE", "LossMSE");
      case MEAN_ABSOLUTE_ERROR -> new Dl4jLoss("MEAN_ABSOLUTE_ERROR", "LossMAE");
    };
  }

  /** A loss as DL4J names it: its {@code LossFunction} constant and its class. */
  record Dl4jLoss(String constant, String implementation) {
    ClassName type() {
      return ClassName.get("org.nd4j.linalg.lossfunctions.impl", implementation);
    }
  }

}

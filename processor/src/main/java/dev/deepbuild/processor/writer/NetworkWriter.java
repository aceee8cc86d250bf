package dev.deepbuild.processor.writer;

import static dev.deepbuild.processor.writer.Literals.decimal;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import dev.deepbuild.annotations.Activation;
import dev.deepbuild.annotations.Loss;
import dev.deepbuild.processor.model.BatchNormalizationOptions;
import dev.deepbuild.processor.model.Conv2DOptions;
import dev.deepbuild.processor.model.CustomOptions;
import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.DenseOptions;
import dev.deepbuild.processor.model.DropoutOptions;
import dev.deepbuild.processor.model.FlattenOptions;
import dev.deepbuild.processor.model.GlobalPooling2DOptions;
import dev.deepbuild.processor.model.KernelRegularizer;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.LayerKind;
import dev.deepbuild.processor.model.LayerOptions;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.OptimizerDescription;
import dev.deepbuild.processor.model.Pooling2DOptions;
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
      code.add("$L", Comments.wrapped("inputs is " + model.inputShape().size() + ": "
          + knownInputs(model), Chains.STATEMENT_COLUMN));
    }
    Shape input = PretrainedWriter.headInput(model);
    if (base.isEmpty() && input instanceof Shape.Image image) {
      code.add("// DL4J takes them as NCHW, [batch, $L, $L, $L], or as rows of $L values in that"
          + " order\n", image.channels(), image.height(), image.width(), image.size());
    }
    // A flatten takes the input as it is when only dropouts come before it; a head takes a
    // base's feature map as the base gives it, NCHW.
    boolean flattened = base.isPresent() || model.layers().stream()
        .filter(layer -> layer.kind() != LayerKind.DROPOUT).findFirst()
        .filter(layer -> layer.kind() == LayerKind.FLATTEN).isPresent();
    CodeBlock inputType = inputType(input, flattened);
    String why = "DL4J infers each layer's nIn from it";
    // The reason after the call when both fit in a line, else above it.
    boolean fits = Chains.STATEMENT_COLUMN + ".setInputType()".length() + Chains.width(inputType)
        + "  // ".length() + why.length() <= Comments.WIDTH;
    code.add(fits ? ".setInputType($L)  // $L\n" : "// $2L\n.setInputType($1L)\n", inputType, why);
    List<CodeBlock> declared = new ArrayList<>();
    List<LayerDescription> layers = model.layers();
    // How many layers DL4J has before this one: a flatten adds a preprocessor, not a layer.
    int dl4jLayers = 0;
    for (int i = 0; i < layers.size(); i++) {
      LayerDescription layer = layers.get(i);
      int index = dl4jLayers;
      boolean output = layer == model.outputLayer();
      Optional<LayerDescription> next =
          i + 1 < layers.size() ? Optional.of(layers.get(i + 1)) : Optional.empty();
      code.add(layer.options().accept(new LayerOptions.Visitor<CodeBlock>() {
        @Override
        public CodeBlock dense(DenseOptions dense) {
          return denseLayer(model, layer, dense, output);
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
        public CodeBlock conv2d(Conv2DOptions conv) {
          return layer(layer, ImageLayers.conv2d(conv));
        }

        @Override
        public CodeBlock pooling2d(Pooling2DOptions pooling) {
          return layer(layer, ImageLayers.pooling2d(pooling));
        }

        @Override
        public CodeBlock globalPooling2d(GlobalPooling2DOptions pooling) {
          return layer(layer, ImageLayers.globalPooling2d(pooling));
        }

        @Override
        public CodeBlock flatten(FlattenOptions flatten) {
          return flattenBefore(layer, next, index);
        }

        @Override
        public CodeBlock batchNormalization(BatchNormalizationOptions normalization) {
          return layer(layer, ImageLayers.batchNormalization(normalization));
        }

        @Override
        public CodeBlock pretrained(PretrainedOptions pretrained) {
          // The base is loaded with its weights at run time; the configuration is the head.
          return CodeBlock.of("");
        }
      }));
      if (layer.kind() != LayerKind.FLATTEN) {
        dl4jLayers++;
      }
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

  /** The input's DL4J type, for an input that is not an image a flatten takes as it is. */
  static CodeBlock inputType(Shape input) {
    return inputType(input, false);
  }

  /**
   * The network's input as DL4J's {@code InputType}, from which DL4J infers every layer's
   * {@code nIn} and inserts the preprocessors between shapes. An image is DL4J's NCHW, its fast
   * path: the network takes {@code [batch, channels, height, width]} as it is, or rows of
   * {@code channels × height × width} values in that order. DL4J keeps no input type, so the
   * type is the one whose preprocessor holds the image's size, where the runtime reads the
   * input's shape back: {@code convolutionalFlat}, which DL4J turns into an image before the
   * layer that takes it, or, for an image a flatten takes as it is, {@code convolutional},
   * whose flattening preprocessor takes both forms (the flat type's would refuse it).
   *
   * @param flattened whether a flatten takes the input as it is
   */
  static CodeBlock inputType(Shape input, boolean flattened) {
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
        return CodeBlock.of(flattened ? "$T.convolutional($L, $L, $L)"
            : "$T.convolutionalFlat($L, $L, $L)", TypeNames.INPUT_TYPE, image.height(),
            image.width(), image.channels());
      }
    });
  }

  private static CodeBlock denseLayer(
      ModelDescription model, LayerDescription layer, DenseOptions dense, boolean output) {
    CodeBlock builder = output
        ? CodeBlock.of("new $T($T.$L)", denseBuilder(true), TypeNames.LOSS_FUNCTION,
            lossFunction(model.training().loss()))
        : CodeBlock.of("new $T()", denseBuilder(model, layer));
    return CodeBlock.builder()
        .add(wordIndicesComment(model, layer, Chains.STATEMENT_COLUMN))
        .add(layer(layer, new LayerBuilder(builder, denseOptions(dense))))
        .build();
  }

  /**
   * Why a dense layer on multi-hot texts is a {@code MultiHotDense}, as a comment at
   * {@code column}; empty for any other layer.
   */
  static CodeBlock wordIndicesComment(ModelDescription model, LayerDescription layer,
      int column) {
    if (!WordIndices.takenBy(model, layer)) {
      return CodeBlock.of("");
    }
    return CodeBlock.of("$L", Comments.wrapped(layer.name() + " is Keras's Dense on the multi-hot"
        + " texts, taking each text as the indices of its words: it sums their weight rows, the"
        + " product with the 0/1 row without making that row", column));
  }

  /**
   * {@code .layer(...)} of a builder named by its field: with no options, on one line when it
   * fits; else the builder and the layer's name on the first line (the name on the next when
   * both do not fit), then its options, each with why it reads as it does, indented as a
   * continuation of the layer's builder.
   */
  private static CodeBlock layer(LayerDescription layer, LayerBuilder builder) {
    CodeBlock name = CodeBlock.of(".name($S)", layer.name());
    if (!builder.hasOptions()) {
      return Chains.call("layer", List.of(builder.constructor(), name, CodeBlock.of(".build()")),
          Chains.STATEMENT_COLUMN);
    }
    boolean nameFits = Chains.STATEMENT_COLUMN + ".layer(".length()
        + Chains.width(builder.constructor()) + Chains.width(name) <= Comments.WIDTH;
    return CodeBlock.builder()
        .add(nameFits ? ".layer($L$L\n$>$>" : ".layer($L\n$>$>$L\n", builder.constructor(),
            name)
        .add(builder.options())
        .add(".build())$<$<\n")
        .build();
  }

  /**
   * Keras's {@code Flatten}, which is no layer in DL4J: before a dense layer DL4J adds the
   * preprocessor from image to vector itself; before any other layer (which would take the
   * image as it is) the generated code adds it, at the index of the layer it precedes.
   */
  private static CodeBlock flattenBefore(
      LayerDescription flatten, Optional<LayerDescription> next, int index) {
    String shape = flatten.inputShape().keras();
    if (next.isPresent() && next.get().kind() == LayerKind.DENSE) {
      return CodeBlock.of("$L", Comments.wrapped(flatten.name() + ": Keras's Flatten of the "
          + shape + " image; DL4J adds its CnnToFeedForwardPreProcessor before the dense layer"
          + " that takes it", Chains.STATEMENT_COLUMN));
    }
    return CodeBlock.builder()
        .add("$L", Comments.wrapped(flatten.name() + ": Keras's Flatten of the " + shape
            + " image, before the layer that takes it", Chains.STATEMENT_COLUMN))
        .add(".inputPreProcessor($L, $L)\n", index, ImageLayers.flatten(flatten.inputShape()))
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
    code.add(regularization(dense.regularizer()));
    if (dense.hasMaxNorm()) {
      code.add("$L", Comments.wrapped("Keras's MaxNorm(" + decimal(dense.maxNorm())
              + "): each unit's incoming weights, dimension 0 of [nIn, nOut]", LAYER_COLUMN))
          .add(".constrainWeights(new $T($L, $L))\n", TypeNames.MAX_NORM_CONSTRAINT,
              decimal(dense.maxNorm()), MAX_NORM_DIMENSION);
    }
    return code.build();
  }

  /** The weights' penalty, one call per factor, each ending in a newline; empty for none. */
  static CodeBlock regularization(KernelRegularizer regularizer) {
    CodeBlock.Builder code = CodeBlock.builder();
    if (regularizer.l1() > 0) {
      code.add(".l1($L)\n", decimal(regularizer.l1()));
    }
    if (regularizer.l2() > 0) {
      code.add(".l2($L)  // Keras's l2($L): DL4J's L2 adds half the squared sum\n",
          decimal(dl4jL2(regularizer.l2())), decimal(regularizer.l2()));
    }
    return code.build();
  }

  /** The builder of a dense layer's DL4J class: the output layer's takes the loss. */
  static ClassName denseBuilder(boolean output) {
    return output ? TypeNames.OUTPUT_LAYER_BUILDER : TypeNames.DENSE_LAYER_BUILDER;
  }

  /** The builder of {@code layer}'s class, a hidden dense layer on multi-hot texts' included. */
  static ClassName denseBuilder(ModelDescription model, LayerDescription layer) {
    return WordIndices.takenBy(model, layer) ? TypeNames.MULTI_HOT_DENSE_BUILDER
        : denseBuilder(model.isOutput(layer));
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
        return builtin.dataset().imageShape()
            .map(image -> builtin.dataset() + "'s " + image.height() + " x " + image.width()
                + " images of " + image.channels()
                + (image.channels() == 1 ? " channel" : " channels"))
            .orElse(builtin.dataset() + "'s features");
      }

      @Override
      public String texts(DataDescription.Texts texts) {
        throw new IllegalArgumentException("no input size is known for unvectorized " + texts);
      }

      @Override
      public String provided(DataDescription.Provided provided) {
        throw new IllegalArgumentException("a sequential model has no " + provided);
      }

      @Override
      public String images(DataDescription.Images images) {
        return "the values of an image of @ImageData's size";
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

package dev.deepbuild.processor.writer;

import static dev.deepbuild.processor.writer.Literals.decimal;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import com.squareup.javapoet.ParameterizedTypeName;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.PretrainedOptions;
import dev.deepbuild.processor.model.PretrainedSource;
import dev.deepbuild.processor.model.Shape;
import java.util.Optional;
import javax.lang.model.element.Modifier;

/**
 * Writes a model on a pretrained base: the head's configuration takes the base's output, and
 * {@code network()} returns {@code NetworkConfiguration.on(base, conf)} (a functional model's
 * {@code on(base, "features", conf)}, whose graph input of that name is the base's output), with
 * the layers it fine-tunes, which the runtime joins with DL4J's {@code TransferLearning}.
 */
final class PretrainedWriter {
  static final ClassName PRETRAINED_BASE =
      ClassName.get("dev.deepbuild.runtime.network", "PretrainedBase");
  static final ClassName PRETRAINED_MODEL =
      ClassName.get("dev.deepbuild.annotations", "PretrainedModel");

  private PretrainedWriter() {}

  /**
   * The model's base: a sequential model's first layer, when that is {@code @Pretrained}; a
   * functional model's {@code @Pretrained} layer, the one its validator allows.
   */
  static Optional<PretrainedOptions> base(ModelDescription model) {
    return baseLayer(model).flatMap(layer -> layer.options().pretrainedBase());
  }

  /** The {@code @Pretrained} layer of the model, if it has one. */
  static Optional<LayerDescription> baseLayer(ModelDescription model) {
    return model.layers().stream()
        .filter(layer -> layer.options().pretrainedBase().isPresent()).findFirst();
  }

  /**
   * {@code baseModel()}, for a model on another model of the build: the session reads it to train
   * the base first, without building the network, which could fail outside the model's guard.
   */
  static Optional<MethodSpec> baseModel(ModelDescription model) {
    return baseModelName(model).map(name -> MethodSpec.methodBuilder("baseModel")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(Optional.class, String.class))
        .addStatement("return $T.of($S)", Optional.class, name)
        .build());
  }

  /** The name of the build's model that the model builds on; empty for most. */
  static Optional<String> baseModelName(ModelDescription model) {
    return base(model).flatMap(options -> options.source().accept(
        new PretrainedSource.Visitor<Optional<String>>() {
          @Override
          public Optional<String> model(PretrainedSource.OwnModel base) {
            return Optional.of(base.name());
          }

          @Override
          public Optional<String> keras(PretrainedSource.KerasFile keras) {
            return Optional.empty();
          }

          @Override
          public Optional<String> catalog(PretrainedSource.Catalog catalog) {
            return Optional.empty();
          }
        }));
  }

  /** The shape the head takes: the base's output, or the data's without a base. */
  static Shape headInput(ModelDescription model) {
    return base(model).isPresent() ? model.layers().get(0).outputShape() : model.inputShape();
  }

  /** What {@code network()} returns: the head on the base, or the configuration as it is. */
  static CodeBlock configured(ModelDescription model) {
    Optional<LayerDescription> layer = baseLayer(model);
    if (layer.isEmpty()) {
      return CodeBlock.of("$T.of(conf)", TypeNames.NETWORK_CONFIGURATION);
    }
    PretrainedOptions options = layer.get().options().pretrainedBase().orElseThrow();
    CodeBlock.Builder code = CodeBlock.builder();
    if (model.graph().isPresent()) {
      code.add("$T.on($L, $S, conf)", TypeNames.NETWORK_CONFIGURATION,
          source(options.source(), layer.get().inputShape()), layer.get().name());
    } else {
      code.add("$T.on($L, conf)", TypeNames.NETWORK_CONFIGURATION,
          source(options.source(), model.inputShape()));
    }
    if (options.trainable() > 0) {
      code.add("\n// the base's top $L layer$L train$L with the head\n.trainable($L)",
          options.trainable(), options.trainable() == 1 ? "" : "s",
          options.trainable() == 1 ? "s" : "", options.trainable());
      if (!options.fineTunesAtModelRate()) {
        code.add("\n.fineTuneLearningRate($L)", decimal(options.fineTuneLearningRate()));
      }
    }
    return code.build();
  }

  /** The comment above the head's configuration: which base it is on, frozen or not. */
  static CodeBlock comment(LayerDescription base, PretrainedOptions options) {
    return CodeBlock.of("// the head, on '$L': $L$L, which gives $L\n", base.name(),
        options.source().describe(), options.trainable() == 0 ? ", frozen" : "",
        base.outputShape().keras());
  }

  /** The summary's type of the base's row: {@code Pretrained(model 'digits')}. */
  static String summaryType(PretrainedOptions options) {
    return "Pretrained(" + options.source().describe() + ")";
  }

  private static CodeBlock source(PretrainedSource source, Shape input) {
    return source.accept(new PretrainedSource.Visitor<CodeBlock>() {
      @Override
      public CodeBlock model(PretrainedSource.OwnModel model) {
        return upTo(CodeBlock.of("$T.model($S)", PRETRAINED_BASE, model.name()), model.upTo());
      }

      @Override
      public CodeBlock keras(PretrainedSource.KerasFile keras) {
        // The runtime holds the imported file to the shape the head was built for.
        return CodeBlock.of("$L.outputShape($L)", upTo(CodeBlock.of("$T.keras($S)",
            PRETRAINED_BASE, keras.path()), keras.upTo()), kerasDimensions(keras.output()));
      }

      @Override
      public CodeBlock catalog(PretrainedSource.Catalog catalog) {
        Shape.Image image = (Shape.Image) input;
        return CodeBlock.of("$T.catalog($T.$L, $L, $L)", PRETRAINED_BASE, PRETRAINED_MODEL,
            catalog.network().name(), image.height(), image.width());
      }
    });
  }

  /** A declared shape's sizes as {@code @Pretrained(outputShape = ...)} lists them. */
  private static String kerasDimensions(Shape shape) {
    return shape.accept(new Shape.Visitor<String>() {
      @Override
      public String vector(Shape.Vector vector) {
        return Long.toString(vector.size().value());
      }

      @Override
      public String sequence(Shape.Sequence sequence) {
        return sequence.length() + ", " + sequence.features().value();
      }

      @Override
      public String image(Shape.Image image) {
        return image.height() + ", " + image.width() + ", " + image.channels();
      }
    });
  }

  private static CodeBlock upTo(CodeBlock base, String upTo) {
    return upTo.isEmpty() ? base : CodeBlock.of("$L.upTo($S)", base, upTo);
  }
}

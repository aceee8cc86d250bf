package dev.deepbuild.processor.writer;

import static dev.deepbuild.processor.writer.Literals.decimal;

import com.squareup.javapoet.CodeBlock;
import dev.deepbuild.annotations.Padding;
import dev.deepbuild.processor.model.BatchNormalizationOptions;
import dev.deepbuild.processor.model.Conv2DOptions;
import dev.deepbuild.processor.model.GlobalPooling2DOptions;
import dev.deepbuild.processor.model.Pooling2DOptions;
import dev.deepbuild.processor.model.PoolingKind;
import dev.deepbuild.processor.model.Shape;
import dev.deepbuild.processor.model.Window;

/**
 * The DL4J builders of the convnet layers, which the sequential and the graph writers frame
 * alike: the builder's constructor, then its options one call per line, each with why it reads
 * as it does. DL4J's images are NCHW, Keras's channels last; the shapes mean the same.
 */
final class ImageLayers {

  private ImageLayers() {}

  static LayerBuilder conv2d(Conv2DOptions conv) {
    CodeBlock.Builder options = CodeBlock.builder()
        .add(".nOut($L).activation($T.$L)\n", conv.filters(), TypeNames.ACTIVATION,
            NetworkWriter.activation(conv.activation()));
    if (!isOne(conv.strides())) {
      options.add(".stride($L, $L)\n", conv.strides().height(), conv.strides().width());
    }
    options.add(mode(conv.padding()))
        .add(NetworkWriter.regularization(conv.regularizer()));
    return new LayerBuilder(CodeBlock.of("new $T($L, $L)", TypeNames.CONVOLUTION_LAYER_BUILDER,
        conv.kernel().height(), conv.kernel().width()), options.build());
  }

  static LayerBuilder pooling2d(Pooling2DOptions pooling) {
    CodeBlock.Builder options = CodeBlock.builder()
        .add(".kernelSize($L, $L).stride($L, $L)\n", pooling.pool().height(),
            pooling.pool().width(), pooling.strides().height(), pooling.strides().width())
        .add(mode(pooling.padding()));
    if (pooling.pooling() == PoolingKind.AVERAGE && pooling.padding() == Padding.SAME) {
      options.add(".avgPoolIncludePadInDivisor(false)  // Keras averages the pixels inside the"
          + " image only\n");
    }
    return new LayerBuilder(CodeBlock.of("new $T($T.$L)", TypeNames.SUBSAMPLING_LAYER_BUILDER,
        TypeNames.POOLING_TYPE, poolingType(pooling.pooling())), options.build());
  }

  static LayerBuilder globalPooling2d(GlobalPooling2DOptions pooling) {
    return new LayerBuilder(CodeBlock.of("new $T($T.$L)", TypeNames.GLOBAL_POOLING_LAYER_BUILDER,
        TypeNames.POOLING_TYPE, poolingType(pooling.pooling())), CodeBlock.of(""));
  }

  static LayerBuilder batchNormalization(BatchNormalizationOptions normalization) {
    return new LayerBuilder(CodeBlock.of("new $T()", TypeNames.BATCH_NORMALIZATION_BUILDER),
        CodeBlock.of(".decay($L).eps($L)  // Keras's momentum and epsilon (DL4J's: 0.9, 1e-5)\n",
            decimal(normalization.momentum()), decimal(normalization.epsilon())));
  }

  /** Keras's {@code Flatten} as DL4J's preprocessor from an image to a vector. */
  static CodeBlock flatten(Shape input) {
    Shape.Image image = (Shape.Image) input;
    return CodeBlock.of("new $T($L, $L, $L)", TypeNames.CNN_TO_FEED_FORWARD, image.height(),
        image.width(), image.channels());
  }

  /**
   * The type a flatten's summary row shows: in a graph, the vertex DL4J reports; in a sequential
   * network, which has no layer for it, Keras's name.
   */
  static String flattenType(boolean graph) {
    return graph ? TypeNames.PREPROCESSOR_VERTEX.simpleName() : "Flatten";
  }

  private static CodeBlock mode(Padding padding) {
    return switch (padding) {
      case VALID -> CodeBlock.of(".convolutionMode($T.Truncate)  // Keras's padding=\"valid\"\n",
          TypeNames.CONVOLUTION_MODE);
      case SAME -> CodeBlock.of(".convolutionMode($T.Same)  // Keras's padding=\"same\"\n",
          TypeNames.CONVOLUTION_MODE);
    };
  }

  private static String poolingType(PoolingKind pooling) {
    return switch (pooling) {
      case MAX -> "MAX";
      case AVERAGE -> "AVG";
    };
  }

  private static boolean isOne(Window window) {
    return window.height() == 1 && window.width() == 1;
  }
}

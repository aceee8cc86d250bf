package dev.deepbuild.processor.writer;

import static dev.deepbuild.processor.writer.Literals.decimal;

import com.squareup.javapoet.ClassName;
import com.squareup.javapoet.CodeBlock;
import com.squareup.javapoet.MethodSpec;
import dev.deepbuild.processor.model.BatchNormalizationOptions;
import dev.deepbuild.processor.model.Conv2DOptions;
import dev.deepbuild.processor.model.CustomOptions;
import dev.deepbuild.processor.model.DenseOptions;
import dev.deepbuild.processor.model.DropoutOptions;
import dev.deepbuild.processor.model.FlattenOptions;
import dev.deepbuild.processor.model.GlobalPooling2DOptions;
import dev.deepbuild.processor.model.GraphDescription;
import dev.deepbuild.processor.model.GraphDescription.InputDescription;
import dev.deepbuild.processor.model.GraphDescription.OutputDescription;
import dev.deepbuild.processor.model.GraphNode;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.LayerKind;
import dev.deepbuild.processor.model.LayerOptions;
import dev.deepbuild.processor.model.MergeKind;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.Pooling2DOptions;
import dev.deepbuild.processor.model.PretrainedOptions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Writes a functional model's {@code network(int inputs)}: DL4J's {@code
 * ComputationGraphConfiguration}, with the inputs and their types, each layer and merge named by
 * its field and given what it takes, and the outputs, each with its loss, weighted with the
 * runtime's {@code WeightedLoss} when its weight is not 1. The inputs' widths are fixed at compile
 * time, so the method does not read {@code inputs}.
 */
final class GraphWriter {

  private GraphWriter() {}

  static MethodSpec network(ModelDescription model, GraphDescription graph) {
    Map<String, OutputDescription> outputs = graph.outputs().stream()
        .collect(Collectors.toMap(OutputDescription::name, Function.identity()));
    Optional<LayerDescription> base = PretrainedWriter.baseLayer(model);
    List<String> inputNames = new ArrayList<>();
    List<CodeBlock> inputTypes = new ArrayList<>();
    List<CodeBlock> comments = new ArrayList<>();
    for (InputDescription input : graph.inputs()) {
      Optional<LayerDescription> onBase = base.filter(layer -> takes(graph, layer, input));
      if (onBase.isPresent()) {
        // The base takes this input; the head's graph takes the base's output in its place.
        LayerDescription layer = onBase.get();
        inputNames.add(layer.name());
        inputTypes.add(NetworkWriter.inputType(layer.outputShape(), true));
        comments.add(CodeBlock.of("// $L is $L: $L on $L, $L\n", layer.name(),
            layer.outputShape().keras(), PretrainedWriter.summaryType(
                layer.options().pretrainedBase().orElseThrow()), input.name(),
            layer.options().trains() ? "fine-tuned" : "frozen"));
      } else {
        inputNames.add(input.name());
        inputTypes.add(NetworkWriter.inputType(input.shape(), takenAsItIs(graph, input)));
        comments.add(CodeBlock.of("// $L is $L: $L\n", input.name(), input.shape().keras(),
            features(input)));
      }
    }
    CodeBlock.Builder code = NetworkWriter.defaults(model)
        .add(".graphBuilder()\n")
        .add(".addInputs($L)\n", strings(inputNames));
    comments.forEach(code::add);
    code.add("// DL4J infers each layer's nIn from the inputs' types\n");
    code.add(".setInputTypes($L)\n", CodeBlock.join(inputTypes, ", "));
    List<CodeBlock> declared = new ArrayList<>();
    for (GraphNode node : graph.nodes()) {
      code.add(node.accept(new GraphNode.Visitor<CodeBlock>() {
        @Override
        public CodeBlock layer(GraphNode.Layer layer) {
          return layer.layer().options().accept(new LayerOptions.Visitor<CodeBlock>() {
            @Override
            public CodeBlock dense(DenseOptions dense) {
              return denseLayer(model, layer, dense,
                  Optional.ofNullable(outputs.get(layer.name())));
            }

            @Override
            public CodeBlock dropout(DropoutOptions dropout) {
              return CodeBlock.builder()
                  .add(NetworkWriter.dropoutComment(dropout))
                  .add(".addLayer($S, new $T($L).build(), $S)\n", layer.name(),
                      TypeNames.DROPOUT_LAYER_BUILDER, Literals.complement(dropout.rate()),
                      layer.input())
                  .build();
            }

            @Override
            public CodeBlock custom(CustomOptions custom) {
              declared.add(CustomLayers.declared(layer.name(), custom, layer.outputShape(),
                  List.of(layer.layer().inputShape())));
              return CodeBlock.of(".addLayer($S, $L, $S)\n", layer.name(),
                  CustomLayers.create(custom), layer.input());
            }

            @Override
            public CodeBlock conv2d(Conv2DOptions conv) {
              return addLayer(layer, ImageLayers.conv2d(conv));
            }

            @Override
            public CodeBlock pooling2d(Pooling2DOptions pooling) {
              return addLayer(layer, ImageLayers.pooling2d(pooling));
            }

            @Override
            public CodeBlock globalPooling2d(GlobalPooling2DOptions pooling) {
              return addLayer(layer, ImageLayers.globalPooling2d(pooling));
            }

            @Override
            public CodeBlock flatten(FlattenOptions flatten) {
              // A graph's layers name what they take, so the flattening is a vertex of its own.
              return CodeBlock.builder()
                  .add("// Keras's Flatten of the $L image\n", layer.layer().inputShape().keras())
                  .add(".addVertex($S, new $T($L), $S)\n", layer.name(),
                      TypeNames.PREPROCESSOR_VERTEX,
                      ImageLayers.flatten(layer.layer().inputShape()), layer.input())
                  .build();
            }

            @Override
            public CodeBlock batchNormalization(BatchNormalizationOptions normalization) {
              return addLayer(layer, ImageLayers.batchNormalization(normalization));
            }

            @Override
            public CodeBlock pretrained(PretrainedOptions pretrained) {
              // The base is loaded with its weights at run time; the graph is the head.
              return CodeBlock.of("");
            }
          });
        }

        @Override
        public CodeBlock vertex(GraphNode.Vertex vertex) {
          declared.add(CustomLayers.declared(vertex.name(), vertex.custom(), vertex.outputShape(),
              vertex.inputShapes()));
          return CodeBlock.of(".addVertex($S, $L, $L)\n", vertex.name(),
              CustomLayers.create(vertex.custom()), strings(vertex.from()));
        }

        @Override
        public CodeBlock merge(GraphNode.Merge merge) {
          if (WordIndices.concatenated(model, merge)) {
            return CodeBlock.builder()
                .add("$L", Comments.wrapped(merge.name() + " is Keras's Concatenate of the multi-hot"
                    + " texts, as the indices of their words in the concatenated vocabulary, for the"
                    + " dense layers on it", Chains.STATEMENT_COLUMN))
                .add(".addVertex($S, new $T($L), $L)\n", merge.name(), TypeNames.MULTI_HOT_CONCAT,
                    CodeBlock.join(Arrays.stream(WordIndices.widths(model, merge))
                        .mapToObj(width -> CodeBlock.of("$L", width)).toList(), ", "),
                    strings(merge.from()))
                .build();
          }
          return CodeBlock.of(".addVertex($S, $L, $L)\n", merge.name(), mergeVertex(merge.kind()),
              strings(merge.from()));
        }
      }));
    }
    code.add(".setOutputs($L)\n",
        strings(graph.outputs().stream().map(OutputDescription::name).toList()));
    code.add(".build()");
    return NetworkWriter.method(TypeNames.COMPUTATION_GRAPH_CONFIGURATION, code.build(),
        declared, PretrainedWriter.configured(model));
  }

  /** Whether {@code layer} takes {@code input}. */
  private static boolean takes(GraphDescription graph, LayerDescription layer,
      InputDescription input) {
    return graph.nodes().stream().anyMatch(node -> node.name().equals(layer.name())
        && node.from().contains(input.name()));
  }

  /**
   * Whether a flatten takes the input as it is; a merge never does (the validator asks for a
   * layer between), so every other image input gets its layers' preprocessor.
   */
  private static boolean takenAsItIs(GraphDescription graph, InputDescription input) {
    return graph.nodes().stream().anyMatch(node -> node instanceof GraphNode.Layer layer
        && layer.input().equals(input.name()) && layer.layer().kind() == LayerKind.FLATTEN);
  }

  /** What an input's features are, for the comment above its type. */
  private static String features(InputDescription input) {
    if (input.image().isPresent()) {
      return "the data's images, NCHW in DL4J";
    }
    if (input.vectorization().isEmpty()) {
      return input.columns().isEmpty() ? "the provider's features array (width)"
          : "the table's columns " + String.join(", ", input.columns());
    }
    return switch (input.vectorization().get().mode()) {
      case MULTI_HOT -> "a multi-hot column per word of its vocabulary (maxTokens)";
      case INT -> "a text's word indices, padded or truncated (outputSequenceLength)";
    };
  }

  private static CodeBlock denseLayer(ModelDescription model, GraphNode.Layer layer,
      DenseOptions dense, Optional<OutputDescription> output) {
    CodeBlock builder = output.map(GraphWriter::outputBuilder).orElseGet(() ->
        CodeBlock.of("new $T()", NetworkWriter.denseBuilder(model, layer.layer())));
    return CodeBlock.builder()
        .add(NetworkWriter.wordIndicesComment(model, layer.layer(), Chains.STATEMENT_COLUMN))
        .add(".addLayer($S, $L\n$>$>", layer.name(), builder)
        .add(NetworkWriter.denseOptions(dense))
        .add(".build(), $S)$<$<\n", layer.input())
        .build();
  }

  /** {@code .addLayer(name, builder, from)}: on one line without options, else one per line. */
  private static CodeBlock addLayer(GraphNode.Layer layer, LayerBuilder builder) {
    if (!builder.hasOptions()) {
      return CodeBlock.of(".addLayer($S, $L.build(), $S)\n", layer.name(),
          builder.constructor(), layer.input());
    }
    return CodeBlock.builder()
        .add(".addLayer($S, $L\n$>$>", layer.name(), builder.constructor())
        .add(builder.options())
        .add(".build(), $S)$<$<\n", layer.input())
        .build();
  }

  /**
   * An output layer's builder with its loss: DL4J's own for a weight of 1, else the loss wrapped
   * in the runtime's {@code WeightedLoss}, since DL4J sums a graph's output losses unweighted.
   */
  private static CodeBlock outputBuilder(OutputDescription output) {
    NetworkWriter.Dl4jLoss loss = NetworkWriter.dl4jLoss(output.loss());
    if (output.weight() == 1) {
      return CodeBlock.of("new $T($T.$L)", NetworkWriter.denseBuilder(true),
          TypeNames.LOSS_FUNCTION, loss.constant());
    }
    return CodeBlock.of("new $T($T.of(new $T(), $L))", NetworkWriter.denseBuilder(true),
        TypeNames.WEIGHTED_LOSS, loss.type(), decimal(output.weight()));
  }

  /** DL4J's vertex for a merge: Keras's merge layers are its merge and element-wise vertices. */
  private static CodeBlock mergeVertex(MergeKind kind) {
    return switch (kind) {
      case CONCATENATE -> CodeBlock.of("new $T()", mergeVertexType(kind));
      case ADD -> elementWise(kind, "Add");
      case AVERAGE -> elementWise(kind, "Average");
      case MULTIPLY -> elementWise(kind, "Product");
      case MAXIMUM -> elementWise(kind, "Max");
    };
  }

  /** The class of a merge's vertex, which the summary shows as its type. */
  static ClassName mergeVertexType(ModelDescription model, GraphNode.Merge merge) {
    return WordIndices.concatenated(model, merge) ? TypeNames.MULTI_HOT_CONCAT
        : mergeVertexType(merge.kind());
  }

  private static ClassName mergeVertexType(MergeKind kind) {
    return kind == MergeKind.CONCATENATE ? TypeNames.MERGE_VERTEX : TypeNames.ELEMENT_WISE_VERTEX;
  }

  private static CodeBlock elementWise(MergeKind kind, String op) {
    return CodeBlock.of("new $T($T.$L)", mergeVertexType(kind), TypeNames.ELEMENT_WISE_OP, op);
  }

  private static CodeBlock strings(List<String> names) {
    return CodeBlock.join(names.stream().map(name -> CodeBlock.of("$S", name)).toList(), ", ");
  }
}

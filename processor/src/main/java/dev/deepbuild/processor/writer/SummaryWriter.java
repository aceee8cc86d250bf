package dev.deepbuild.processor.writer;

import com.squareup.javapoet.ClassName;
import dev.deepbuild.processor.model.BatchNormalizationOptions;
import dev.deepbuild.processor.model.Conv2DOptions;
import dev.deepbuild.processor.model.CustomOptions;
import dev.deepbuild.processor.model.DenseOptions;
import dev.deepbuild.processor.model.DropoutOptions;
import dev.deepbuild.processor.model.FlattenOptions;
import dev.deepbuild.processor.model.GlobalPooling2DOptions;
import dev.deepbuild.processor.model.GraphDescription;
import dev.deepbuild.processor.model.GraphNode;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.LayerOptions;
import dev.deepbuild.processor.model.PretrainedOptions;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.Pooling2DOptions;
import dev.deepbuild.resources.ModelResources;
import dev.deepbuild.summary.LayerTable;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;

/**
 * Writes a model's summary at compile time, {@code META-INF/deepbuild/<model>/summary.txt}: the
 * table {@code dl:summary} prints, from the shapes inferred here, when the input width is known
 * (a vectorized text, a built-in table); for a CSV table, whose width is found when it is read, a
 * note that says so.
 */
public final class SummaryWriter {

  private final Filer filer;

  public SummaryWriter(Filer filer) {
    this.filer = filer;
  }

  /** The resource's path for a model of this name. */
  public static String path(String model) {
    return ModelResources.summary(model);
  }

  /**
   * Writes the model's summary, and the model it builds on ({@link ModelResources#baseModel}),
   * after which {@code dl:summary} prints it, as the training JVM orders the models.
   */
  public void write(TypeElement modelClass, ModelDescription model) throws IOException {
    ModelResourceFile.write(filer, modelClass, path(model.name()), lines(model));
    ModelResourceFile.write(filer, modelClass, ModelResources.baseModel(model.name()),
        PretrainedWriter.baseModelName(model).stream().toList());
  }

  static List<String> lines(ModelDescription model) {
    if (!model.inputShape().isKnown()) {
      return LayerTable.atRunTime(model.name(), model.declaringClass(),
          "The input width comes from the data: the CSV table's feature count, found when the"
              + " table is read.",
          "`mvn dl:summary` reads the table and prints this model's layers, shapes and"
              + " parameters.");
    }
    if (ReadsWriter.layers(model).anyMatch(layer -> ReadsWriter.kerasFile(layer).isPresent())) {
      return LayerTable.atRunTime(model.name(), model.declaringClass(),
          "The base's layers and parameters come from its Keras file, read when the model is"
              + " built.",
          "`mvn dl:summary` reads the file and prints this model's layers, shapes and"
              + " parameters.");
    }
    List<LayerTable.Row> rows = new ArrayList<>();
    if (model.graph().isPresent()) {
      rows.addAll(graphRows(model, model.graph().get()));
    } else {
      for (LayerDescription layer : model.layers()) {
        rows.add(row(model, layer));
      }
    }
    return LayerTable.lines(model.name(), model.declaringClass(), rows);
  }

  /**
   * A functional model's inputs, then its layers and vertices in the order the generated code adds
   * them, which is the order the runtime's summary reads from the built configuration.
   */
  private static List<LayerTable.Row> graphRows(ModelDescription model, GraphDescription graph) {
    List<LayerTable.Row> rows = new ArrayList<>();
    for (GraphDescription.InputDescription input : graph.inputs()) {
      rows.add(new LayerTable.Row(input.name(), LayerTable.INPUT_TYPE, input.shape().keras(), 0,
          true));
    }
    for (GraphNode node : graph.nodes()) {
      rows.add(node.accept(new GraphNode.Visitor<LayerTable.Row>() {
        @Override
        public LayerTable.Row layer(GraphNode.Layer layer) {
          return row(model, layer.layer());
        }

        @Override
        public LayerTable.Row merge(GraphNode.Merge merge) {
          return new LayerTable.Row(merge.name(),
              GraphWriter.mergeVertexType(model, merge).simpleName(),
              merge.outputShape().keras(), 0, true);
        }

        @Override
        public LayerTable.Row vertex(GraphNode.Vertex vertex) {
          return new LayerTable.Row(vertex.name(), vertex.custom().simpleName(),
              vertex.outputShape().keras(), vertex.custom().params(), true);
        }
      }));
    }
    return rows;
  }

  private static LayerTable.Row row(ModelDescription model, LayerDescription layer) {
    long params = layer.parameters().value();
    long trainable = layer.options().trains()
        ? params - layer.options().nonTrainableParameters(layer.inputShape()).value() : 0;
    return new LayerTable.Row(layer.name(), dl4jClass(model, layer, model.isOutput(layer)),
        layer.outputShape().keras(), params, trainable);
  }

  /** The simple name of the DL4J layer class the generated code builds, as DL4J reports it. */
  private static String dl4jClass(ModelDescription model, LayerDescription layer,
      boolean output) {
    return layer.options().accept(new LayerOptions.Visitor<String>() {
      @Override
      public String dense(DenseOptions dense) {
        return NetworkWriter.denseBuilder(model, layer).enclosingClassName().simpleName();
      }

      @Override
      public String dropout(DropoutOptions dropout) {
        return simpleName(TypeNames.DROPOUT_LAYER_BUILDER);
      }

      @Override
      public String custom(CustomOptions custom) {
        return custom.simpleName();
      }

      @Override
      public String conv2d(Conv2DOptions conv) {
        return simpleName(TypeNames.CONVOLUTION_LAYER_BUILDER);
      }

      @Override
      public String pooling2d(Pooling2DOptions pooling) {
        return simpleName(TypeNames.SUBSAMPLING_LAYER_BUILDER);
      }

      @Override
      public String globalPooling2d(GlobalPooling2DOptions pooling) {
        return simpleName(TypeNames.GLOBAL_POOLING_LAYER_BUILDER);
      }

      @Override
      public String flatten(FlattenOptions flatten) {
        return ImageLayers.flattenType(model.graph().isPresent());
      }

      @Override
      public String batchNormalization(BatchNormalizationOptions normalization) {
        return simpleName(TypeNames.BATCH_NORMALIZATION_BUILDER);
      }

      @Override
      public String pretrained(PretrainedOptions pretrained) {
        return PretrainedWriter.summaryType(pretrained);
      }
    });
  }

  /** The layer class of a builder: {@code ConvolutionLayer} of {@code ConvolutionLayer.Builder}. */
  private static String simpleName(ClassName builder) {
    return builder.enclosingClassName().simpleName();
  }
}

package dev.deepbuild.processor.writer;

import dev.deepbuild.processor.model.DataDescription;
import dev.deepbuild.processor.model.DataSource;
import dev.deepbuild.processor.model.GraphNode;
import dev.deepbuild.processor.model.LayerDescription;
import dev.deepbuild.processor.model.ModelDescription;
import dev.deepbuild.processor.model.PretrainedOptions;
import dev.deepbuild.processor.model.PretrainedSource;
import dev.deepbuild.resources.DataRead;
import dev.deepbuild.resources.ModelResources;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import javax.annotation.processing.Filer;
import javax.lang.model.element.TypeElement;

/**
 * Writes {@code META-INF/deepbuild/<model>/reads.txt}: the files and folders the model's data and
 * a Keras base are read from ({@link DataRead}), so that the build tells whether they changed
 * without loading the model. The class path's resources and the built-in datasets are left out:
 * the class path and the class files tell their changes.
 */
public final class ReadsWriter {
  private final Filer filer;

  public ReadsWriter(Filer filer) {
    this.filer = filer;
  }

  public void write(TypeElement modelClass, ModelDescription model) throws IOException {
    ModelResourceFile.write(filer, modelClass, ModelResources.reads(model.name()),
        reads(model).stream().map(DataRead::line).toList());
  }

  static List<DataRead> reads(ModelDescription model) {
    List<DataRead> reads = new ArrayList<>(model.data().accept(new DataDescription.Visitor<>() {
      @Override
      public List<DataRead> csvTable(DataDescription.CsvTable table) {
        return Stream.concat(Stream.of(table.source()), table.validationTable().stream())
            .flatMap(source -> file(source).stream()).toList();
      }

      @Override
      public List<DataRead> builtin(DataDescription.Builtin builtin) {
        return List.of();
      }

      @Override
      public List<DataRead> texts(DataDescription.Texts texts) {
        return List.of(new DataRead(texts.layout() == DataDescription.Texts.Layout.FOLDER
            ? DataRead.Kind.FOLDER : DataRead.Kind.FILE, texts.location()));
      }

      @Override
      public List<DataRead> provided(DataDescription.Provided provided) {
        return List.of(new DataRead(DataRead.Kind.UNKNOWN, provided.provider()));
      }

      @Override
      public List<DataRead> images(DataDescription.Images images) {
        return List.of(new DataRead(DataRead.Kind.FOLDER, images.directory()));
      }
    }));
    layers(model).forEach(layer -> kerasFile(layer).ifPresent(reads::add));
    return reads;
  }

  /** Every layer of the model, a functional model's among its graph's nodes. */
  static Stream<LayerDescription> layers(ModelDescription model) {
    Stream<LayerDescription> graphLayers = model.graph().stream()
        .flatMap(graph -> graph.nodes().stream())
        .flatMap(node -> node.accept(new GraphNode.Visitor<Stream<LayerDescription>>() {
          @Override
          public Stream<LayerDescription> layer(GraphNode.Layer layer) {
            return Stream.of(layer.layer());
          }

          @Override
          public Stream<LayerDescription> merge(GraphNode.Merge merge) {
            return Stream.empty();
          }

          @Override
          public Stream<LayerDescription> vertex(GraphNode.Vertex vertex) {
            return Stream.empty();
          }
        }));
    return Stream.concat(model.layers().stream(), graphLayers);
  }

  /** The Keras file a pretrained layer's base is read from, if it is one. */
  static Optional<DataRead> kerasFile(LayerDescription layer) {
    if (!(layer.options() instanceof PretrainedOptions pretrained)) {
      return Optional.empty();
    }
    return pretrained.source().accept(new PretrainedSource.Visitor<Optional<DataRead>>() {
      @Override
      public Optional<DataRead> model(PretrainedSource.OwnModel model) {
        // Its saved model.zip is in the build's output, which the build compares itself.
        return Optional.empty();
      }

      @Override
      public Optional<DataRead> keras(PretrainedSource.KerasFile keras) {
        return Optional.of(new DataRead(DataRead.Kind.FILE, keras.path()));
      }

      @Override
      public Optional<DataRead> catalog(PretrainedSource.Catalog catalog) {
        return Optional.empty();
      }
    });
  }

  private static Optional<DataRead> file(DataSource source) {
    return source.kind() == DataSource.Kind.FILE
        ? Optional.of(new DataRead(DataRead.Kind.FILE, source.location()))
        : Optional.empty();
  }
}

package dev.deepbuild.runtime.network;

import dev.deepbuild.annotations.PretrainedModel;
import dev.deepbuild.build.io.Sha256;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import dev.deepbuild.runtime.pretrained.CatalogBases;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The pretrained network a model builds on, as its {@code @Pretrained} names it: another model
 * of the build, the user's Keras file, or one of the catalog's networks. Each is loaded as a
 * graph, whatever it was saved as, so that one {@link TransferConfiguration} cuts, freezes and
 * extends them all.
 */
public sealed interface PretrainedBase {

  /** The network the build's model {@code name} saved when it was trained. */
  static PretrainedBase model(String name) {
    return new SavedModel(name, "");
  }

  /**
   * The user's Keras HDF5 file, by its path relative to the project's base directory; {@link
   * KerasFile#outputShape} says what it is declared to give.
   */
  static KerasFile keras(String path) {
    return new KerasFile(path, "", List.of());
  }

  /** The catalog's network {@code model} for images of {@code height x width} pixels. */
  static PretrainedBase catalog(PretrainedModel model, int height, int width) {
    return new Catalog(model, height, width);
  }

  /** This base cut after its layer {@code layer}: empty keeps every layer but the outputs. */
  PretrainedBase upTo(String layer);

  /** The layer this base ends at, or empty for the last before its output layers. */
  String upTo();

  /**
   * The base's network with its weights.
   *
   * @throws InvalidInputException when its file is missing or no network, naming where it looked
   */
  ComputationGraph load(BaseLocations where);

  /** A digest of the base's weights, so that a changed base makes the model out of date. */
  String digest(BaseLocations where);

  /** What the base is, for the model's provenance: {@code model digits_base up to hidden}. */
  String describe();

  /**
   * The base's input, where its graph keeps no preprocessor that says it (an imported graph
   * starts with its first layer); empty where the graph says it itself.
   *
   * @param where where the base's file is, for a base that reads it from there
   */
  default Optional<InputType> inputType(BaseLocations where) {
    return Optional.empty();
  }

  /**
   * Whether the base takes its input as the word indices of multi-hot texts: another model of the
   * build whose first layer is a {@link MultiHotDense}. Catalog and Keras bases take images or
   * rows as they are.
   */
  default boolean takesTokenIndices(BaseLocations where) {
    return false;
  }

  /** Another model of the build, with the weights its training saved. */
  record SavedModel(String name, String upTo) implements PretrainedBase {
    @Override
    public PretrainedBase upTo(String layer) {
      return new SavedModel(name, layer);
    }

    @Override
    public ComputationGraph load(BaseLocations where) {
      Path file = existing(where.savedModel(name), "the trained network of model '" + name + "'",
          "train '" + name + "' first (mvn dl:train -Ddl.models=" + name + ")");
      try {
        return ThawedGraph.of(Networks.isGraph(file)
            ? ModelSerializer.restoreComputationGraph(file.toFile(), false)
            : NamedGraph.of(ModelSerializer.restoreMultiLayerNetwork(file.toFile(), false)));
      } catch (IOException | RuntimeException e) {
        throw new InvalidInputException("the trained network of model '" + name + "', " + file
            + ", cannot be read (" + e.getMessage() + "); train '" + name + "' again.", e);
      }
    }

    @Override
    public boolean takesTokenIndices(BaseLocations where) {
      return NetworkConfiguration.of(load(where).getConfiguration()).takesTokenIndices(0);
    }

    @Override
    public String digest(BaseLocations where) {
      return fileDigest(existing(where.savedModel(name),
          "the trained network of model '" + name + "'",
          "train '" + name + "' first (mvn dl:train -Ddl.models=" + name + ")"));
    }

    @Override
    public String describe() {
      return "model " + name + cut(upTo);
    }
  }

  /**
   * A Keras model saved in HDF5 ({@code model.save("base.h5")}), with its weights, imported by
   * DL4J's Keras import ({@link KerasBases}).
   *
   * @param outputShape what its last kept layer is declared to give, Keras's order without the
   *     batch ({@code {6}}, {@code {4, 4, 512}}); empty is not checked
   */
  record KerasFile(String path, String upTo, List<Integer> outputShape) implements PretrainedBase {
    public KerasFile {
      outputShape = List.copyOf(outputShape);
    }

    @Override
    public KerasFile upTo(String layer) {
      return new KerasFile(path, layer, outputShape);
    }

    /** This base declared to give {@code shape}, as {@code @Pretrained(outputShape = ...)}. */
    public KerasFile outputShape(int... shape) {
      return new KerasFile(path, upTo, Arrays.stream(shape).boxed().toList());
    }

    /**
     * @throws InvalidInputException also when its last kept layer gives another shape than the
     *     declared one, naming both
     */
    @Override
    public ComputationGraph load(BaseLocations where) {
      KerasBases.Imported imported = KerasBases.load(file(where), annotation());
      String end = BaseCut.end(imported.graph(), upTo);
      imported.checkGives(end, outputShape, annotation());
      return imported.graph();
    }

    /** The images its model_config takes, NCHW, as it is imported. */
    @Override
    public Optional<InputType> inputType(BaseLocations where) {
      return KerasBases.images(file(where), annotation());
    }

    /** The file's bytes: a changed file makes the models on it out of date. */
    @Override
    public String digest(BaseLocations where) {
      return fileDigest(file(where));
    }

    @Override
    public String describe() {
      return "Keras file " + path + cut(upTo);
    }

    private Path file(BaseLocations where) {
      return existing(where.projectFile(path), annotation() + ": the Keras file '" + path + "'",
          "the path is relative to the project's base directory, " + where.baseDir()
              + "; save the Keras model there (model.save(\"" + path + "\")) or correct keras =");
    }

    /** The annotation as the user wrote it, which the messages start with. */
    private String annotation() {
      return "@Pretrained(keras = \"" + path + "\"" + (upTo.isEmpty() ? "" : ", upTo = \"" + upTo
          + "\"") + ")";
    }
  }

  /** One of the catalog's networks without its top, pinned by the catalog to its weights. */
  record Catalog(PretrainedModel network, int height, int width) implements PretrainedBase {
    @Override
    public PretrainedBase upTo(String layer) {
      throw new UnsupportedOperationException("a catalog base ends at its last feature map");
    }

    @Override
    public String upTo() {
      return "";
    }

    @Override
    public ComputationGraph load(BaseLocations where) {
      // Fetched, verified and cached as the built-in datasets are, from the project's registry.
      return CatalogBases.load(network, height, width, false,
          DatasetStore.configured(where.baseDir(), null, message -> { }));
    }

    @Override
    public String digest(BaseLocations where) {
      // The catalog pins each network's weights by an integrity hash: its name and size are them.
      return "catalog:" + network + ":" + height + "x" + width;
    }

    @Override
    public String describe() {
      return network + " for " + height + "x" + width + " images, without its top";
    }

    /** RGB images of the size it was built for, NCHW. */
    @Override
    public Optional<InputType> inputType(BaseLocations where) {
      return Optional.of(InputType.convolutional(height, width, 3));
    }
  }

  private static String cut(String upTo) {
    return upTo.isEmpty() ? "" : " up to " + upTo;
  }

  private static Path existing(Path file, String what, String fix) {
    if (!Files.isRegularFile(file)) {
      throw new InvalidInputException(what + " is not at " + file + "; " + fix + ".");
    }
    return file;
  }

  private static String fileDigest(Path file) {
    try {
      return "sha256:" + Sha256.of(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
  }
}

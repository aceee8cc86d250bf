package dev.deepbuild.runtime.network;

import dev.deepbuild.annotations.PretrainedModel;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import dev.deepbuild.runtime.io.Sha256;
import dev.deepbuild.runtime.pretrained.CatalogBases;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
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

  /** The user's Keras HDF5 file, by its path relative to the project's base directory. */
  static PretrainedBase keras(String path) {
    return new KerasFile(path, "");
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
   */
  default Optional<InputType> inputType() {
    return Optional.empty();
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

  /** A Keras model saved in HDF5 ({@code model.save("base.h5")}), with its weights. */
  record KerasFile(String path, String upTo) implements PretrainedBase {
    @Override
    public PretrainedBase upTo(String layer) {
      return new KerasFile(path, layer);
    }

    @Override
    public ComputationGraph load(BaseLocations where) {
      return KerasBases.load(existing(where.projectFile(path), "the Keras file '" + path + "'",
          "save the Keras model there (model.save(\"" + path + "\")) or correct keras ="));
    }

    @Override
    public String digest(BaseLocations where) {
      return fileDigest(existing(where.projectFile(path), "the Keras file '" + path + "'",
          "save the Keras model there (model.save(\"" + path + "\")) or correct keras ="));
    }

    @Override
    public String describe() {
      return "Keras file " + path + cut(upTo);
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
    public Optional<InputType> inputType() {
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
    MessageDigest digest = Sha256.newDigest();
    try (InputStream in = Files.newInputStream(file)) {
      byte[] buffer = new byte[1 << 16];
      for (int read; (read = in.read(buffer)) > 0; ) {
        digest.update(buffer, 0, read);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file, e);
    }
    return "sha256:" + Sha256.hex(digest);
  }
}

package dev.deepbuild.runtime.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepbuild.runtime.pretrained.ChannelsFirst;
import dev.deepbuild.runtime.pretrained.GraphWeights;
import dev.deepbuild.runtime.pretrained.PretrainedFormatException;
import dev.deepbuild.runtime.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.utils.KerasModelBuilder;

/**
 * The user's Keras HDF5 files ({@code model.save("base.h5")}, Keras 2's format) as DL4J graphs,
 * through DL4J's Keras import: a {@code Sequential} model as a graph named by its layers
 * ({@link NamedGraph}), a functional {@code Model} as it is. The import leaves the training
 * configuration out (it would make the last layer an output layer only when the file was saved
 * compiled), so a Keras base keeps every layer of its file unless {@code upTo} cuts it: the file
 * is the base, as Keras's {@code conv_base} is one saved without its top. Image bases saved
 * channels last, Keras's default, are imported channels first (NCHW), as DeepBuild's images are.
 */
final class KerasBases {
  /** HDF5's signature, at the start of the file or of a user block 512, 1024, 2048... bytes in. */
  private static final byte[] SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};

  private KerasBases() {}

  /**
   * A Keras model with its weights, and what each of its layers gives.
   *
   * @param graph the network, its vertices named by the Keras layers
   * @param outputTypes each layer's output by its name, as DL4J's import inferred it
   */
  record Imported(ComputationGraph graph, Map<String, InputType> outputTypes) {

    /**
     * The layer {@code end} gives {@code declared} (Keras's order, without the batch), or the
     * error naming both shapes; an empty declaration is not checked.
     */
    void checkGives(String end, List<Integer> declared, String annotation) {
      InputType type = outputTypes.get(end);
      if (declared.isEmpty() || type == null) {
        return;
      }
      List<Integer> imported = KerasShape.of(type);
      if (!imported.equals(declared)) {
        throw new InvalidInputException(annotation + ": the base's layer '" + end + "' gives "
            + KerasShape.braces(imported) + ", but outputShape declares "
            + KerasShape.braces(declared) + "; set outputShape = " + KerasShape.braces(imported)
            + ", or upTo the layer that gives " + KerasShape.braces(declared) + ".");
      }
    }
  }

  /**
   * Imports {@code file}, the one {@code annotation} names.
   *
   * @param annotation the annotation as the user wrote it, for the messages
   * @throws InvalidInputException when the file is not HDF5, not a whole Keras model, has a
   *     layer DL4J cannot import, or HDF5's natives are missing, each with the fix
   */
  static Imported load(Path file, String annotation) {
    checkHdf5(file, annotation);
    String where = annotation + ": the Keras file " + file;
    try {
      boolean sequential = className(file, where).equals("Sequential");
      KerasModelBuilder builder = new KerasModel().modelBuilder()
          .modelHdf5Filename(file.toString()).enforceTrainingConfig(false);
      ObjectNode model;
      try {
        model = (ObjectNode) new ObjectMapper().readTree(builder.getModelJson());
      } catch (IOException | RuntimeException e) {
        builder.close();
        throw e;
      }
      if (!(layers(model) instanceof ArrayNode layers && ChannelsFirst.isChannelsLast(layers))) {
        KerasModel keras = build(builder, sequential, where);
        return new Imported(graph(keras, true), keras.getOutputTypes());
      }
      builder.close();
      // Channels last, Keras's default, would import as NHWC layers, and DeepBuild's images and
      // heads are NCHW: the layers are rewritten channels first, stated to DL4J rather than left
      // to its guess (as the catalog's import does), and given the file's weights in Keras's
      // layouts, since DL4J's own weight import reads channels-first kernels as Theano's.
      ChannelsFirst.apply(layers);
      KerasModel keras = build(new KerasModel().modelBuilder().modelJson(model.toString())
          .dimOrder(KerasLayer.DimOrder.THEANO).enforceTrainingConfig(false), sequential, where);
      ComputationGraph graph = graph(keras, false);
      Hdf5Archive archive = new Hdf5Archive(file.toString());
      try {
        GraphWeights.assign(graph, layers, Hdf5Weights.read(archive), where);
      } finally {
        archive.close();
      }
      FlattenedImages.reorderKernels(keras, graph, where);
      return new Imported(graph, keras.getOutputTypes());
    } catch (PretrainedFormatException e) {
      // Channels first, this version converts the weights of Conv2D, DepthwiseConv2D,
      // BatchNormalization and Dense layers (KerasWeightLayout).
      throw new InvalidInputException(where + " has weights that its channels-first import cannot"
          + " take: " + e.getMessage() + ". Save the whole model again (model.save(\""
          + file.getFileName() + "\")), or save the base without that layer"
          + " (keras.Model(base.input, layer_before.output)) and declare what it gives.", e);
    } catch (UnsupportedKerasConfigurationException e) {
      throw new InvalidInputException(where + " has what DL4J 1.0.0-M2.1's Keras import does not"
          + " support: " + e.getMessage() + ". Save the base without it (replace the layer by one"
          + " DL4J imports, or save keras.Model(base.input, layer_before.output) and declare what"
          + " that layer gives), since upTo cuts only what has been imported.", e);
    } catch (InvalidKerasConfigurationException | IOException e) {
      throw new InvalidInputException(where + " is HDF5 but not a Keras model that DL4J can read: "
          + e.getMessage() + ". Save the whole model in Keras 2's HDF5 format (model.save(\""
          + file.getFileName() + "\"); save_weights files have no model_config).", e);
    } catch (LinkageError e) {
      throw noNatives(where, e);
    } catch (InvalidInputException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new InvalidInputException(where + " cannot be imported: " + e + ". Save the whole model"
          + " in Keras 2's HDF5 format (model.save(\"" + file.getFileName() + "\")).", e);
    }
  }

  /** The model {@code builder} reads, refused where a layer is still channels last. */
  private static KerasModel build(KerasModelBuilder builder, boolean sequential, String where)
      throws IOException, InvalidKerasConfigurationException,
      UnsupportedKerasConfigurationException {
    KerasModel keras = sequential ? builder.buildSequential() : builder.buildModel();
    checkChannelsFirst(keras, where);
    return keras;
  }

  /**
   * The imported network as a graph named by the Keras layers, with the weights DL4J imported
   * or, without them, initialized.
   */
  private static ComputationGraph graph(KerasModel keras, boolean weights)
      throws InvalidKerasConfigurationException, UnsupportedKerasConfigurationException {
    return keras instanceof KerasSequentialModel sequential
        ? NamedGraph.of(sequential.getMultiLayerNetwork(weights))
        : keras.getComputationGraph(weights);
  }

  /** The layers of a model_config: Keras 2.0 and 2.1 wrote a Sequential's config as the list. */
  private static JsonNode layers(JsonNode model) {
    JsonNode config = model.path("config");
    return config.isArray() ? config : config.path("layers");
  }

  /**
   * A layer that the rewrite left NHWC would fail on DeepBuild's NCHW images at its first batch:
   * refused here, with the file's way out.
   */
  private static void checkChannelsFirst(KerasModel keras, String where) {
    keras.getOutputTypes().forEach((layer, type) -> {
      if (!keras.getInputLayerNames().contains(layer)
          && type instanceof InputType.InputTypeConvolutional image
          && image.getFormat() == CNN2DFormat.NHWC) {
        throw new InvalidInputException(where + " has a layer that DL4J imports channels last,"
            + " '" + layer + "', which DeepBuild's channels-first images do not fit: save the base"
            + " with its input's shape (keras.Input(shape=(height, width, channels))) so that it"
            + " is imported channels first, or build it as a model of this build"
            + " (@Pretrained(model = ...)).");
      }
    });
  }

  /**
   * The images the file's model takes, as DeepBuild imports them (NCHW); empty for a model of
   * feature vectors or sequences, whose graph says what it takes.
   */
  static Optional<InputType> images(Path file, String annotation) {
    String where = annotation + ": the Keras file " + file;
    try {
      JsonNode layers = layers(modelConfig(file, where));
      boolean channelsLast = ChannelsFirst.isChannelsLast(layers);
      for (JsonNode layer : layers) {
        JsonNode shape = layer.path("config").path("batch_input_shape");
        if (shape.size() == 4) {
          return Optional.of(channelsLast
              ? InputType.convolutional(shape.get(1).asLong(), shape.get(2).asLong(),
                  shape.get(3).asLong())
              : InputType.convolutional(shape.get(2).asLong(), shape.get(3).asLong(),
                  shape.get(1).asLong()));
        }
      }
      return Optional.empty();
    } catch (UnsupportedKerasConfigurationException e) {
      throw new InvalidInputException(where + " has a model_config DL4J cannot read: "
          + e.getMessage() + ".", e);
    } catch (LinkageError e) {
      throw noNatives(where, e);
    }
  }

  /** The model's Keras class, from the file's {@code model_config}. */
  private static String className(Path file, String where)
      throws UnsupportedKerasConfigurationException {
    return modelConfig(file, where).path("class_name").asText();
  }

  /** The file's {@code model_config}. */
  private static JsonNode modelConfig(Path file, String where)
      throws UnsupportedKerasConfigurationException {
    Hdf5Archive archive = new Hdf5Archive(file.toString());
    try {
      if (!archive.hasAttribute("model_config")) {
        throw new InvalidInputException(where + " is HDF5 but has no model_config: it holds"
            + " weights only (save_weights), or no Keras model. Save the whole model there"
            + " (model.save(\"" + file.getFileName() + "\")).");
      }
      return new ObjectMapper().readTree(archive.readAttributeAsJson("model_config"));
    } catch (IOException e) {
      throw new InvalidInputException(where + " has a model_config that is not JSON ("
          + e.getMessage() + "); save the model again with model.save(\"" + file.getFileName()
          + "\").", e);
    } finally {
      archive.close();
    }
  }

  /** A file that is not HDF5 is named as such, rather than by the HDF5 library's error stack. */
  private static void checkHdf5(Path file, String annotation) {
    try (FileChannel channel = FileChannel.open(file)) {
      for (long offset = 0; offset + SIGNATURE.length <= channel.size();
          offset = offset == 0 ? 512 : offset * 2) {
        ByteBuffer head = ByteBuffer.allocate(SIGNATURE.length);
        channel.read(head, offset);
        if (Arrays.equals(head.array(), SIGNATURE)) {
          return;
        }
      }
    } catch (IOException e) {
      throw new InvalidInputException(annotation + ": the Keras file " + file + " cannot be read ("
          + e.getMessage() + ").", e);
    }
    throw new InvalidInputException(annotation + ": the Keras file " + file + " is not HDF5."
        + " Save the Keras model in Keras 2's HDF5 format, model.save(\"" + file.getFileName()
        + "\") (Keras 3's .keras files are zips, which DL4J does not read).");
  }

  private static InvalidInputException noNatives(String where, LinkageError e) {
    String platform = System.getProperty("os.name") + " " + System.getProperty("os.arch");
    return new InvalidInputException(where + " needs HDF5's native library, which is not on the"
        + " class path for " + platform + " (" + e + "): Maven Central has org.bytedeco:hdf5"
        + ":1.12.1-1.5.7 natives for Linux (x86-64, arm64), macOS x86-64 and Windows x86-64 only."
        + " Build on one of those, or on a model of your own (@Pretrained(model = ...)).", e);
  }
}

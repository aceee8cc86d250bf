package dev.deepbuild.runtime.network;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepbuild.runtime.InvalidInputException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.Hdf5Archive;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.KerasSequentialModel;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;

/**
 * The user's Keras HDF5 files ({@code model.save("base.h5")}, Keras 2's format) as DL4J graphs,
 * through DL4J's Keras import: a {@code Sequential} model as a graph named by its layers
 * ({@link NamedGraph}), a functional {@code Model} as it is. The import leaves the training
 * configuration out (it would make the last layer an output layer only when the file was saved
 * compiled), so a Keras base keeps every layer of its file unless {@code upTo} cuts it: the file
 * is the base, as Keras's {@code conv_base} is one saved without its top.
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
      String className = className(file, where);
      if (className.equals("Sequential")) {
        KerasSequentialModel keras = new KerasSequentialModel().modelBuilder()
            .modelHdf5Filename(file.toString()).enforceTrainingConfig(false).buildSequential();
        checkChannelsFirst(keras, where);
        return new Imported(NamedGraph.of(keras.getMultiLayerNetwork()), keras.getOutputTypes());
      }
      KerasModel keras = new KerasModel().modelBuilder().modelHdf5Filename(file.toString())
          .enforceTrainingConfig(false).buildModel();
      checkChannelsFirst(keras, where);
      return new Imported(keras.getComputationGraph(), keras.getOutputTypes());
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

  /**
   * DL4J imports Keras's default image layout, channels last, as NHWC layers, and DeepBuild's
   * images and heads are NCHW: such a base would fail on its first batch, so it is refused here.
   */
  private static void checkChannelsFirst(KerasModel keras, String where) {
    keras.getOutputTypes().forEach((layer, type) -> {
      if (!keras.getInputLayerNames().contains(layer)
          && type instanceof InputType.InputTypeConvolutional image
          && image.getFormat() == CNN2DFormat.NHWC) {
        throw new InvalidInputException(where + " has images channels last (Keras's"
            + " data_format \"channels_last\", at layer '" + layer + "'), and DeepBuild's images"
            + " are channels first: this version takes Keras bases of feature vectors. Build a"
            + " convolutional base as a model of this build (@Pretrained(model = ...)) or use"
            + " catalog = MOBILENET_V2.");
      }
    });
  }

  /** The model's Keras class, from the file's {@code model_config}. */
  private static String className(Path file, String where)
      throws UnsupportedKerasConfigurationException {
    Hdf5Archive archive = new Hdf5Archive(file.toString());
    try {
      if (!archive.hasAttribute("model_config")) {
        throw new InvalidInputException(where + " is HDF5 but has no model_config: it holds"
            + " weights only (save_weights), or no Keras model. Save the whole model there"
            + " (model.save(\"" + file.getFileName() + "\")).");
      }
      JsonNode config = new ObjectMapper().readTree(archive.readAttributeAsJson("model_config"));
      return config.path("class_name").asText();
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

package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepbuild.runtime.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * The user's Keras HDF5 files as bases, imported for real by DL4J's Keras import: the files and
 * numpy's forward passes come from tools/keras-h5-fixture/make.py.
 */
class KerasBaseTest {
  private static final String[] LAYERS = {"hidden1", "features", "predictions"};

  @TempDir Path project;

  @Test
  void aSequentialFileImportsWithItsWeightsAndComputesAsNumpyDoes() throws IOException {
    checkImport(load("sequential.h5", PretrainedBase.keras("base.h5").outputShape(3)));
  }

  @Test
  void aFunctionalFileAsTfKerasSavesItImportsAlike() throws IOException {
    // class_name Functional, and its attributes variable-length strings, as TensorFlow 2 writes.
    checkImport(load("functional.h5", PretrainedBase.keras("base.h5").outputShape(3)));
  }

  @Test
  void withoutUpToTheBaseIsTheWholeFile() throws IOException {
    // Saved compiled or not, the import makes no output layer of the file's last one.
    TrainableNetwork net = located("sequential.h5", PretrainedBase.keras("base.h5")
        .outputShape(3), head(3)).create(1);
    assertEquals(3, net.output(new INDArray[] {reference().inputs()})[0].columns());
    assertTrue(net.layers().stream().anyMatch(layer -> "predictions".equals(layer.conf()
        .getLayerName())), () -> "the file's last layer is kept: " + net.layers());
  }

  @Test
  void upToCutsAtANamedLayer() throws IOException {
    TrainableNetwork net = located("sequential.h5", PretrainedBase.keras("base.h5")
        .upTo("hidden1").outputShape(8), head(8)).create(1);
    assertEquals(3, net.output(new INDArray[] {reference().inputs()})[0].columns());
    assertTrue(net.layers().stream().noneMatch(layer -> "features".equals(layer.conf()
        .getLayerName())), () -> "cut after hidden1: " + net.layers());
  }

  @Test
  void upToALayerTheFileLacksSuggestsTheNearest() throws IOException {
    NetworkConfiguration conf = located("sequential.h5",
        PretrainedBase.keras("base.h5").upTo("hiden1").outputShape(8), head(8));
    String message = assertThrows(InvalidInputException.class, () -> conf.create(1)).getMessage();
    assertTrue(message.startsWith("@Pretrained(upTo = \"hiden1\"): the pretrained base, Keras file"
        + " base.h5 up to hiden1, has no layer 'hiden1'; its layers are [hidden1, features,"
        + " predictions]; set upTo to one of them. Did you mean hidden1?"), message);
  }

  @Test
  void anOutputShapeOtherThanDeclaredNamesBothAndTheFix() throws IOException {
    String message = assertThrows(InvalidInputException.class, () -> load("sequential.h5",
        PretrainedBase.keras("base.h5").outputShape(4, 4, 512))).getMessage();
    assertEquals("@Pretrained(keras = \"base.h5\"): the base's layer 'predictions' gives {3}, but"
        + " outputShape declares {4, 4, 512}; set outputShape = {3}, or upTo the layer that gives"
        + " {4, 4, 512}.", message);
  }

  @Test
  void aMissingFileNamesTheValueThePathAndTheBaseDirectory() {
    String message = assertThrows(InvalidInputException.class, () -> PretrainedBase
        .keras("models/base.h5").load(where())).getMessage();
    assertTrue(message.startsWith("@Pretrained(keras = \"models/base.h5\"): the Keras file"
        + " 'models/base.h5' is not at " + project.resolve("models/base.h5") + "; the path is"
        + " relative to the project's base directory, " + project), message);
  }

  @Test
  void aFileThatIsNotHdf5IsNamedSo() throws IOException {
    Files.writeString(project.resolve("base.h5"), "{\"class_name\": \"Sequential\"}");
    String message = assertThrows(InvalidInputException.class, () -> PretrainedBase
        .keras("base.h5").load(where())).getMessage();
    assertTrue(message.contains("the Keras file " + project.resolve("base.h5") + " is not HDF5."
        + " Save the Keras model in Keras 2's HDF5 format, model.save(\"base.h5\")"), message);
  }

  @Test
  void aWeightsOnlyFileIsNamedSo() throws IOException {
    String message = assertThrows(InvalidInputException.class, () -> load("weights.h5",
        PretrainedBase.keras("base.h5"))).getMessage();
    assertTrue(message.contains("is HDF5 but has no model_config: it holds weights only"
        + " (save_weights), or no Keras model. Save the whole model there"
        + " (model.save(\"base.h5\"))."), message);
  }

  @Test
  void aLayerTheImportLacksIsNamedWithDl4jsMessageAndTheFix() throws IOException {
    String message = assertThrows(InvalidInputException.class, () -> load("unsupported.h5",
        PretrainedBase.keras("base.h5"))).getMessage();
    assertTrue(message.contains("has what DL4J 1.0.0-M2.1's Keras import does not support: ")
        && message.contains("UnitNormalization") && message.contains("Save the base without it"),
        message);
  }

  @Test
  void theDigestIsTheFilesBytes() throws IOException {
    PretrainedBase keras = PretrainedBase.keras("base.h5");
    copy("sequential.h5");
    String sequential = keras.digest(where());
    assertEquals(sequential, keras.digest(where()));
    copy("functional.h5");
    assertNotEquals(sequential, keras.digest(where()), "a changed file is a changed base");
  }

  private void checkImport(ComputationGraph graph) throws IOException {
    Reference reference = reference();
    for (String layer : LAYERS) {
      assertTrue(reference.weights(layer, "kernel").equalsWithEps(
          graph.getLayer(layer).getParam("W").castTo(DataType.DOUBLE), 1e-7), layer);
      assertTrue(reference.weights(layer, "bias").equalsWithEps(
          graph.getLayer(layer).getParam("b").castTo(DataType.DOUBLE).reshape(-1), 1e-7), layer);
    }
    Map<String, INDArray> activations = graph.feedForward(
        reference.inputs().castTo(graph.getConfiguration().getDataType()), false);
    for (String layer : LAYERS) {
      INDArray expected = reference.outputs(layer);
      INDArray actual = activations.get(layer).castTo(DataType.DOUBLE);
      double difference = Math.abs(expected.sub(actual).maxNumber().doubleValue());
      difference = Math.max(difference, Math.abs(expected.sub(actual).minNumber().doubleValue()));
      assertTrue(difference < 1e-5, layer + " differs from numpy's by " + difference);
    }
  }

  private ComputationGraph load(String fixture, PretrainedBase base) throws IOException {
    copy(fixture);
    return base.load(where());
  }

  private NetworkConfiguration located(String fixture, PretrainedBase base,
      org.deeplearning4j.nn.conf.MultiLayerConfiguration head) throws IOException {
    copy(fixture);
    return NetworkConfiguration.on(base, head).locatedIn(where());
  }

  private void copy(String fixture) throws IOException {
    try (InputStream in = resource(fixture)) {
      Files.copy(in, project.resolve("base.h5"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private BaseLocations where() {
    return new BaseLocations(project, project.resolve("target/deepbuild"));
  }

  /** A softmax layer of 3 classes on {@code width} values, as generated code writes a head. */
  static org.deeplearning4j.nn.conf.MultiLayerConfiguration head(int width) {
    return new NeuralNetConfiguration.Builder()
        .seed(3).weightInit(WeightInit.XAVIER).updater(new Adam(0.01))
        .list()
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("classes").nOut(3)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.feedForward(width))
        .build();
  }

  private static InputStream resource(String name) {
    return KerasBaseTest.class.getResourceAsStream("/pretrained/keras/" + name);
  }

  static Reference reference() throws IOException {
    try (InputStream in = resource("reference.json")) {
      return new Reference(new ObjectMapper().readTree(in));
    }
  }

  /** tools/keras-h5-fixture/make.py's inputs, weights and numpy's outputs of each layer. */
  record Reference(JsonNode json) {
    INDArray inputs() {
      return matrix(json.path("inputs"));
    }

    INDArray outputs(String layer) {
      return matrix(json.path("outputs").path(layer));
    }

    INDArray weights(String layer, String kind) {
      JsonNode node = json.path("weights").path(layer).path(kind);
      return node.get(0).isArray() ? matrix(node) : Nd4j.createFromArray(doubles(node));
    }

    private static INDArray matrix(JsonNode rows) {
      double[][] values = new double[rows.size()][];
      for (int i = 0; i < rows.size(); i++) {
        values[i] = doubles(rows.get(i));
      }
      return Nd4j.createFromArray(values);
    }

    private static double[] doubles(JsonNode row) {
      double[] values = new double[row.size()];
      for (int i = 0; i < row.size(); i++) {
        values[i] = row.get(i).asDouble();
      }
      return values;
    }
  }
}

package dev.deepbuild.runtime.network;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.deepbuild.runtime.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions.LossFunction;

/**
 * Keras image bases saved channels last, Keras's default, imported channels first (NCHW) as
 * DeepBuild's images are: tools/keras-h5-fixture/make.py's conv.h5 (Conv2D, MaxPooling2D, Conv2D
 * 'same', BatchNormalization, GlobalAveragePooling2D on 8x8x3) and flatten.h5 (Conv2D,
 * MaxPooling2D, Flatten, Dense), compared with numpy's forward pass, computed channels last.
 */
class KerasImageBaseTest {
  @TempDir Path project;

  @Test
  void aChannelsLastConvBaseComputesAsNumpyDoesOnNchwImages() throws IOException {
    ComputationGraph graph = load("conv.h5", PretrainedBase.keras("base.h5").outputShape(6));
    checkOutputs(graph, "conv.h5", List.of("conv1", "pool1", "conv2", "norm", "features"));
    assertEquals(CNN2DFormat.NCHW, ((ConvolutionLayer) graph.getLayer("conv2").conf().getLayer())
        .getCnn2dDataFormat(), "imported channels first");
  }

  @Test
  void aFunctionalConvBaseAsTfKerasSavesKerasApplicationsComputesAlike() throws IOException {
    // An InputLayer, class_name Functional and batch normalization's axis [3], as tf.keras 2.
    ComputationGraph graph = load("conv_functional.h5",
        PretrainedBase.keras("base.h5").outputShape(6));
    checkOutputs(graph, "conv_functional.h5", List.of("conv1", "pool1", "conv2", "norm",
        "features"));
  }

  @Test
  void aFlattenIntoADenseComputesAsKerasFlattensChannelsLast() throws IOException {
    ComputationGraph graph = load("flatten.h5", PretrainedBase.keras("base.h5").outputShape(5));
    checkOutputs(graph, "flatten.h5", List.of("conv1", "pool1", "dense"));
  }

  @Test
  void aFlattenIntoAnotherLayerWithWeightsIsRefusedWithTheFix() throws IOException {
    String message = assertThrows(InvalidInputException.class, () -> load("flatten_norm.h5",
        PretrainedBase.keras("base.h5"))).getMessage();
    assertTrue(message.contains(" flattens an image at 'flat' into 'flat_norm'"
        + " (BatchNormalization): Keras flattens it channels last and DeepBuild's images are"
        + " channels first, which this version reconciles for a Dense layer only. Save the base"
        + " without the layers after the Flatten (keras.Model(base.input,"
        + " base.get_layer(\"flat\").output))"), message);
  }

  @Test
  void anImageOutputShapeIsDeclaredAsKerasGivesItChannelsLast() throws IOException {
    load("conv.h5", PretrainedBase.keras("base.h5").upTo("norm").outputShape(3, 3, 6));
    String message = assertThrows(InvalidInputException.class, () -> load("conv.h5",
        PretrainedBase.keras("base.h5").upTo("norm").outputShape(6, 3, 3))).getMessage();
    assertEquals("@Pretrained(keras = \"base.h5\", upTo = \"norm\"): the base's layer 'norm'"
        + " gives {3, 3, 6}, but outputShape declares {6, 3, 3}; set outputShape = {3, 3, 6}, or"
        + " upTo the layer that gives {6, 3, 3}.", message);
  }

  @Test
  void aFrozenImageBaseKeepsItsWeightsUnderAConvolutionalHead() throws IOException {
    copy("conv.h5");
    // As generated code builds a head on the declared {3, 3, 6}: Conv2D, global pooling, softmax.
    MultiLayerConfiguration head = new NeuralNetConfiguration.Builder()
        .seed(3).weightInit(WeightInit.XAVIER).updater(new Adam(0.05))
        .list()
        .layer(new ConvolutionLayer.Builder(1, 1).name("mix").nOut(4)
            .activation(Activation.RELU).build())
        .layer(new GlobalPoolingLayer.Builder(PoolingType.AVG).name("pool").build())
        .layer(new OutputLayer.Builder(LossFunction.MCXENT).name("classes").nOut(2)
            .activation(Activation.SOFTMAX).build())
        .setInputType(InputType.convolutional(3, 3, 6))
        .build();
    TrainableNetwork net = NetworkConfiguration.on(PretrainedBase.keras("base.h5").upTo("norm")
        .outputShape(3, 3, 6), head).locatedIn(where()).create(1);
    ComputationGraph file = PretrainedBase.keras("base.h5").load(where());
    INDArray images = images().castTo(net.dataType());
    INDArray labels = Nd4j.createFromArray(new float[][] {{1, 0}, {0, 1}, {1, 0}})
        .castTo(net.dataType());
    for (int i = 0; i < 5; i++) {
      net.fit(new INDArray[] {images}, new INDArray[] {labels});
    }
    ComputationGraph trained = saved(net);
    for (String layer : List.of("conv1", "conv2", "norm")) {
      assertEquals(file.getLayer(layer).params(), trained.getLayer(layer).params(),
          layer + " is frozen");
    }
    assertNotEquals(saved(NetworkConfiguration.on(PretrainedBase.keras("base.h5").upTo("norm")
        .outputShape(3, 3, 6), head).locatedIn(where()).create(1)).getLayer("mix").params(),
        trained.getLayer("mix").params(), "the head learns");
    assertEquals(2, net.output(new INDArray[] {images})[0].columns());
  }

  @Test
  void imagesOfTheBasesSizeAreNotTakenForItsFirstConvolutionsChannels() throws IOException {
    copy("conv.h5");
    // 8x8x3 images give 192 values per example; the first convolution's nIn is 3 channels.
    NetworkConfiguration.on(PretrainedBase.keras("base.h5").outputShape(6),
        KerasBaseTest.head(6)).locatedIn(where()).checkInputs("images", List.of(192));
  }

  @Test
  void theSummaryShowsTheImagesTheBaseTakes() throws IOException {
    copy("conv.h5");
    List<NetworkNode> nodes = NetworkConfiguration.on(PretrainedBase.keras("base.h5")
        .outputShape(6), KerasBaseTest.head(6)).locatedIn(where()).create(1).nodes(List.of(192));
    // As Keras's summary prints them: channels last.
    assertTrue(nodes.get(0).toString().contains("outputShape=(None, 8, 8, 3)"), nodes::toString);
    assertTrue(nodes.stream().anyMatch(node -> node.toString().contains("name=norm,")
        && node.toString().contains("outputShape=(None, 3, 3, 6)")), nodes::toString);
  }

  private ComputationGraph saved(TrainableNetwork net) throws IOException {
    Path zip = Files.createTempFile(project, "model", ".zip");
    net.save(zip, Optional.empty());
    return ModelSerializer.restoreComputationGraph(zip.toFile(), false);
  }

  private void checkOutputs(ComputationGraph graph, String file, List<String> layers)
      throws IOException {
    JsonNode outputs = KerasBaseTest.reference().json().path("images").path("outputs").path(file);
    Map<String, INDArray> activations = graph.feedForward(
        images().castTo(graph.getConfiguration().getDataType()), false);
    for (String layer : layers) {
      INDArray expected = array(outputs.path(layer));
      if (expected.rank() == 4) {
        expected = expected.permute(0, 3, 1, 2);  // numpy's NHWC as DL4J's NCHW
      }
      INDArray actual = activations.get(layer).castTo(DataType.DOUBLE);
      assertTrue(java.util.Arrays.equals(expected.shape(), actual.shape()), () -> layer
          + " gives " + java.util.Arrays.toString(actual.shape()));
      double difference = Nd4j.math().abs(expected.sub(actual)).maxNumber().doubleValue();
      assertTrue(difference < 1e-5, layer + " differs from numpy's by " + difference);
    }
  }

  /** The reference images, NCHW. */
  private static INDArray images() throws IOException {
    return array(KerasBaseTest.reference().json().path("images").path("inputs"))
        .permute(0, 3, 1, 2).dup('c');
  }

  /** A nested JSON array of numbers as an array of its shape. */
  private static INDArray array(JsonNode nested) {
    List<Long> shape = new ArrayList<>();
    for (JsonNode node = nested; node.isArray(); node = node.get(0)) {
      shape.add((long) node.size());
    }
    List<Double> values = new ArrayList<>();
    collect(nested, values);
    return Nd4j.createFromArray(values.stream().mapToDouble(Double::doubleValue).toArray())
        .reshape('c', shape.stream().mapToLong(Long::longValue).toArray());
  }

  private static void collect(JsonNode node, List<Double> values) {
    if (node.isArray()) {
      node.forEach(child -> collect(child, values));
    } else {
      values.add(node.asDouble());
    }
  }

  private ComputationGraph load(String fixture, PretrainedBase base) throws IOException {
    copy(fixture);
    return base.load(where());
  }

  private void copy(String fixture) throws IOException {
    try (InputStream in = getClass().getResourceAsStream("/pretrained/keras/" + fixture)) {
      Files.copy(in, project.resolve("base.h5"), StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private BaseLocations where() {
    return new BaseLocations(project, project.resolve("target/deepbuild"));
  }
}

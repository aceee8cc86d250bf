package dev.deepbuild.runtime.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.deepbuild.annotations.PretrainedModel;
import dev.deepbuild.runtime.datasets.fetch.DatasetStore;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.layers.ConvolutionLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The imported MobileNetV2 gives what nsfwjs's own code gives on the same images
 * ({@code tools/pretrained-reference/mobilenet-v2-reference.js} computed the reference once, with
 * TensorFlow.js's CPU backend): its 5 probabilities at 224x224, and 128 sampled values and the sum
 * of the feature map without the top at 224x224, 96x96 and 32x32 (a real CIFAR-10 cat). The
 * package comes as a build gets it: the offline folder, the cache, or a verified download.
 */
class MobileNetV2ReferenceTest {
  /** Measured: at most 4.2e-7 apart on probabilities, 1.9e-5 on features (float32 both). */
  private static final double PROBABILITY_TOLERANCE = 1e-4;
  private static final double FEATURE_TOLERANCE = 2e-4;

  private static JsonNode reference;
  private static DatasetStore store;

  @BeforeAll
  static void readReference() throws IOException {
    try (InputStream in = MobileNetV2ReferenceTest.class.getResourceAsStream(
        "/pretrained/mobilenet-v2-reference.json")) {
      reference = new ObjectMapper().readTree(in);
    }
    store = DatasetStore.configured(null, null, line -> {});
  }

  @Test
  void withTopGivesNsfwjsProbabilitiesAndFeaturesAt224() {
    ComputationGraph graph = CatalogBases.load(PretrainedModel.MOBILENET_V2, 224, 224, true, store);
    for (JsonNode expected : cases(224)) {
      INDArray input = ReferenceImages.input(expected.path("image").asText(), 224, reference);
      Map<String, INDArray> activations = graph.feedForward(input, false);
      INDArray probabilities = activations.get(CatalogBases.MOBILENET_V2_TOP);
      double worst = 0;
      for (int k = 0; k < 5; k++) {
        worst = Math.max(worst, Math.abs(probabilities.getDouble(0, k)
            - expected.path("probabilities").get(k).asDouble()));
      }
      System.out.printf("%s 224: probabilities at most %.2e from nsfwjs%n", expected.path("image").asText(), worst);
      assertEquals(0, worst, PROBABILITY_TOLERANCE, expected.path("image").asText());
      assertFeatures(expected, activations.get(CatalogBases.MOBILENET_V2_FEATURES));
    }
  }

  @Test
  void withoutTopGivesNsfwjsFeaturesAt96And32() {
    for (int size : new int[] {96, 32}) {
      ComputationGraph graph = CatalogBases.load(PretrainedModel.MOBILENET_V2, size, size, false, store);
      assertAllConvolutionsNchw(graph);
      // The count the processor shows in summaries, Keras's, moving statistics included.
      assertEquals(PretrainedModel.MOBILENET_V2.parameters(), graph.numParams());
      // The count the processor checks trainable against, as the runtime cuts and freezes it.
      assertEquals(PretrainedModel.MOBILENET_V2.layers(), graph.getLayers().length);
      for (JsonNode expected : cases(size)) {
        INDArray input = ReferenceImages.input(expected.path("image").asText(), size, reference);
        assertFeatures(expected, graph.outputSingle(input));
      }
    }
  }

  @Test
  void anySizeGivesTheFeatureMapTheAnnotationsPromise() {
    for (int[] size : new int[][] {{100, 100}, {33, 70}}) {
      ComputationGraph graph = CatalogBases.load(PretrainedModel.MOBILENET_V2, size[0], size[1], false, store);
      INDArray features = graph.outputSingle(Nd4j.rand(new long[] {1, 3, size[0], size[1]}));
      PretrainedModel model = PretrainedModel.MOBILENET_V2;
      assertArrayEquals(new long[] {1, model.channels(), model.featureSize(size[0]), model.featureSize(size[1])},
          features.shape(), size[0] + "x" + size[1]);
    }
  }

  // NCHW is DL4J's fast convolution path (NHWC is permuted and copied at every layer).
  private static void assertAllConvolutionsNchw(ComputationGraph graph) {
    int convolutions = 0;
    for (org.deeplearning4j.nn.api.Layer layer : graph.getLayers()) {
      if (layer.conf().getLayer() instanceof ConvolutionLayer convolution) {
        assertEquals(CNN2DFormat.NCHW, convolution.getCnn2dDataFormat(), layer.conf().getLayer().getLayerName());
        convolutions++;
      }
    }
    assertEquals(35 + 17, convolutions, "MobileNetV2's 35 convolutions and 17 depthwise ones");
  }

  private static Iterable<JsonNode> cases(int size) {
    return () -> java.util.stream.StreamSupport.stream(reference.path("cases").spliterator(), false)
        .filter(c -> c.path("size").asInt() == size).iterator();
  }

  // The reference is channels last ([h, w, c]); DL4J's features are [1, c, h, w].
  private static void assertFeatures(JsonNode expected, INDArray features) {
    JsonNode shape = expected.path("featureShape");
    assertArrayEquals(new long[] {1, shape.get(2).asLong(), shape.get(0).asLong(), shape.get(1).asLong()},
        features.shape());
    double worst = 0;
    for (JsonNode sample : expected.path("features")) {
      double actual = features.getDouble(0, sample.get(2).asLong(), sample.get(0).asLong(), sample.get(1).asLong());
      worst = Math.max(worst, Math.abs(actual - sample.get(3).asDouble()));
    }
    double sum = features.castTo(DataType.DOUBLE).sumNumber().doubleValue();
    double expectedSum = expected.path("featureSum").asDouble();
    System.out.printf("%s %d: features at most %.2e from nsfwjs, sum %.4f vs %.4f%n",
        expected.path("image").asText(), expected.path("size").asInt(), worst, sum, expectedSum);
    assertEquals(0, worst, FEATURE_TOLERANCE, expected.path("image").asText());
    assertEquals(expectedSum, sum, Math.abs(expectedSum) * 1e-4, "feature sum");
  }
}

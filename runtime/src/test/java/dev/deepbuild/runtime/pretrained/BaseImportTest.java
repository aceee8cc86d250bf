package dev.deepbuild.runtime.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.deepbuild.runtime.datasets.DatasetCatalog.Entry;
import dev.deepbuild.runtime.datasets.fetch.Integrity;
import dev.deepbuild.runtime.datasets.fetch.NpmPackage;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;

/**
 * A small model in nsfwjs's bundle format (minified Keras JSON, uint8 weights in base64): its
 * weights arrive dequantized and in DL4J's layout, and each way the files can be wrong is an error
 * naming the file and the tensor or layer.
 */
class BaseImportTest {
  private static final PretrainedCatalog.Base BASE = new PretrainedCatalog.Base(
      new Entry("tiny", new NpmPackage("tiny", "1.0.0"), Integrity.of(new byte[0]), List.of()),
      "package/m/", "model.min.js", ".min.js", "out_relu", 32, 1.0 / 255);
  private static final String MODEL = "package/m/model.min.js";
  private static final String SHARD = "package/m/group1-shard1of1.min.js";
  private static final double SCALE = 0.01;
  private static final double MIN = -0.5;

  private static final String LAYERS = "[{name:\"input_1\",class_name:\"InputLayer\",config:{batch_input_shape:[null,32,32,3],"
      + "dtype:\"float32\",sparse:!1,name:\"input_1\"},inbound_nodes:[]},"
      + "{name:\"Conv1\",class_name:\"Conv2D\",config:{name:\"Conv1\",trainable:!1,filters:4,kernel_size:[3,3],"
      + "strides:[2,2],padding:\"same\",data_format:\"channels_last\",dilation_rate:[1,1],activation:\"linear\","
      + "use_bias:!1,kernel_initializer:{class_name:\"VarianceScaling\",config:{scale:1,mode:\"fan_avg\","
      + "distribution:\"uniform\",seed:null}},bias_initializer:{class_name:\"Zeros\",config:{}},"
      + "kernel_regularizer:null,bias_regularizer:null,activity_regularizer:null,kernel_constraint:null,"
      + "bias_constraint:null},inbound_nodes:[[[\"input_1\",0,0,{}]]]},"
      + "{name:\"bn\",class_name:\"BatchNormalization\",config:{name:\"bn\",trainable:!1,axis:-1,momentum:.999,"
      + "epsilon:.001,center:!0,scale:!0,beta_initializer:{class_name:\"Zeros\",config:{}},"
      + "gamma_initializer:{class_name:\"Ones\",config:{}},moving_mean_initializer:{class_name:\"Zeros\",config:{}},"
      + "moving_variance_initializer:{class_name:\"Ones\",config:{}},beta_regularizer:null,gamma_regularizer:null,"
      + "beta_constraint:null,gamma_constraint:null},inbound_nodes:[[[\"Conv1\",0,0,{}]]]},"
      + "{name:\"out_relu\",class_name:\"ReLU\",config:{name:\"out_relu\",trainable:!1,max_value:6},"
      + "inbound_nodes:[[[\"bn\",0,0,{}]]]}]";

  private static String weight(String name, String shape) {
    return "{name:\"" + name + "\",shape:" + shape + ",dtype:\"float32\",quantization:{min:" + MIN
        + ",scale:" + SCALE + ",dtype:\"uint8\"}}";
  }

  private static final String ALL_WEIGHTS = weight("Conv1/kernel", "[3,3,3,4]") + ","
      + weight("bn/gamma", "[4]") + "," + weight("bn/beta", "[4]") + ","
      + weight("bn/moving_mean", "[4]") + "," + weight("bn/moving_variance", "[4]");

  private static byte[] bundle(String literal) {
    return ("!function(e){if(\"object\"==typeof exports)module.exports=e();}(function(){return {1:[function(e,a,n){"
        + "a.exports=" + literal + "},{}]}});").getBytes(StandardCharsets.UTF_8);
  }

  private static Map<String, byte[]> files(String weights, int bytes) {
    String model = "{modelTopology:{keras_version:\"2.2.4\",backend:\"tensorflow\",model_config:{class_name:"
        + "\"Model\",config:{name:\"m\",layers:" + LAYERS + ",input_layers:[[\"input_1\",0,0]],"
        + "output_layers:[[\"out_relu\",0,0]]}}},weightsManifest:[{paths:[\"group1-shard1of1\"],weights:["
        + weights + "]}]}";
    byte[] shard = new byte[bytes];
    for (int i = 0; i < bytes; i++) {
      shard[i] = (byte) (i * 37 % 251);
    }
    return Map.of(MODEL, bundle(model),
        SHARD, bundle("\"" + Base64.getEncoder().encodeToString(shard) + "\""));
  }

  private static String failure(Map<String, byte[]> files) {
    return assertThrows(PretrainedFormatException.class,
        () -> BaseImport.graph(BASE, files, 32, 32, false)).getMessage();
  }

  @Test
  void convolutionKernelsAreDequantizedAndTurnedToDl4jsLayout() {
    ComputationGraph graph = BaseImport.graph(BASE, files(ALL_WEIGHTS, 108 + 16), 40, 48, false);

    // Keras [kh, kw, in, out] row-major; DL4J [out, in, kh, kw].
    for (int kh = 0; kh < 3; kh++) {
      for (int kw = 0; kw < 3; kw++) {
        for (int in = 0; in < 3; in++) {
          for (int out = 0; out < 4; out++) {
            int at = ((kh * 3 + kw) * 3 + in) * 4 + out;
            double expected = (at * 37 % 251) * SCALE + MIN;
            assertEquals(expected, graph.getLayer("Conv1").getParam("W").getDouble(out, in, kh, kw), 1e-6);
          }
        }
      }
    }
    assertEquals(((108 + 2) * 37 % 251) * SCALE + MIN, graph.getLayer("bn").getParam("gamma").getDouble(2), 1e-6);
    assertEquals(((108 + 12 + 3) * 37 % 251) * SCALE + MIN, graph.getLayer("bn").getParam("var").getDouble(3), 1e-6);
    long[] shape = graph.outputSingle(org.nd4j.linalg.factory.Nd4j.zeros(1, 3, 40, 48)).shape();
    assertEquals(List.of(1L, 4L, 20L, 24L), List.of(shape[0], shape[1], shape[2], shape[3]));
  }

  @Test
  void theImportedConfigurationSerializesAsModelZipsNeedIt() {
    ComputationGraphConfiguration conf =
        BaseImport.graph(BASE, files(ALL_WEIGHTS, 124), 32, 32, false).getConfiguration();

    assertEquals(conf, ComputationGraphConfiguration.fromJson(conf.toJson()));
  }

  @Test
  void aTensorOfTheWrongShapeNamesTheLayerAndBothShapes() {
    String weights = ALL_WEIGHTS.replace("[3,3,3,4]", "[3,3,3,5]");

    assertEquals(MODEL + ": the weight for Conv1's parameter W has shape [5, 3, 3, 3], DL4J's is "
        + "[4, 3, 3, 3]", failure(files(weights, 135 + 16)));
  }

  @Test
  void shardsShorterThanTheManifestNameTheTensorAndTheBytes() {
    assertEquals(MODEL + ": the weight bn/moving_variance of shape [4] needs 4 bytes, but its shards "
        + "have only 2 left", failure(files(ALL_WEIGHTS, 122)));
  }

  @Test
  void aLayerWithoutWeightsIsNamed() {
    assertEquals(MODEL + " has no weights for the BatchNormalization layer bn (expected bn/...)",
        failure(files(weight("Conv1/kernel", "[3,3,3,4]"), 108)));
  }

  @Test
  void aMissingShardFileOrExportIsNamed() {
    Map<String, byte[]> files = new java.util.HashMap<>(files(ALL_WEIGHTS, 124));
    files.remove(SHARD);
    assertEquals("the package has no file " + SHARD, failure(files));

    files.put(SHARD, "module.exports=e();".getBytes(StandardCharsets.UTF_8));
    assertEquals(SHARD + " exports no string literal (no '.exports=\"'): it is not the bundle this "
        + "importer reads", failure(files));
  }
}

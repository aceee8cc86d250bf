package dev.deepbuild.runtime.pretrained;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.modelimport.keras.KerasLayer;
import org.deeplearning4j.nn.modelimport.keras.KerasModel;
import org.deeplearning4j.nn.modelimport.keras.exceptions.InvalidKerasConfigurationException;
import org.deeplearning4j.nn.modelimport.keras.exceptions.UnsupportedKerasConfigurationException;

/**
 * Imports a TensorFlow.js layers model from the files of its package: the topology through DL4J's
 * Keras import (rewritten by {@link KerasTopology}), then the weights, dequantized
 * ({@link TfjsWeights}) and converted to DL4J's layouts ({@link GraphWeights}).
 */
final class BaseImport {
  private BaseImport() {}

  /**
   * @param files the contents of the base's files by their path in the tarball
   * @throws PretrainedFormatException naming the file and what it lacks
   */
  static ComputationGraph graph(PretrainedCatalog.Base base, Map<String, byte[]> files, int height,
      int width, boolean includeTop) {
    String topologyPath = base.path(base.topology());
    JsonNode exported = JsBundle.exported(text(files, topologyPath), '{', topologyPath);
    ObjectNode model = KerasTopology.modelJson(exported.path("modelTopology"), height, width,
        includeTop, base.features(), topologyPath);
    ComputationGraph graph = new ComputationGraph(configuration(model, topologyPath));
    graph.init();
    GraphWeights.assign(graph, model.path("config").path("layers"), TfjsWeights.read(
        exported.path("weightsManifest"), shard -> shard(files, base.path(shard + base.shardSuffix())),
        topologyPath), topologyPath);
    return graph;
  }

  private static ComputationGraphConfiguration configuration(ObjectNode model, String where) {
    try {
      // Stated, not left to DL4J's guess from the layers, which took a plain Conv2D input as NHWC.
      KerasModel keras = new KerasModel().modelBuilder().modelJson(model.toString())
          .dimOrder(KerasLayer.DimOrder.THEANO).enforceTrainingConfig(false).buildModel();
      return keras.getComputationGraphConfiguration();
    } catch (IOException | InvalidKerasConfigurationException | UnsupportedKerasConfigurationException
        | RuntimeException e) {
      throw new PretrainedFormatException("DL4J's Keras import cannot read the topology of " + where
          + ": " + e);
    }
  }

  private static byte[] shard(Map<String, byte[]> files, String path) {
    String base64 = JsBundle.exported(text(files, path), '"', path).asText();
    try {
      return Base64.getDecoder().decode(base64);
    } catch (IllegalArgumentException e) {
      throw new PretrainedFormatException(path + " exports a string that is not base64: " + e.getMessage());
    }
  }

  private static String text(Map<String, byte[]> files, String path) {
    byte[] content = files.get(path);
    if (content == null) {
      throw new PretrainedFormatException("the package has no file " + path);
    }
    return new String(content, StandardCharsets.UTF_8);
  }
}

package dev.deepbuild.build.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepbuild.build.result.Provenance;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * A {@link Provenance} inside {@code metrics.json}:
 *
 * <pre>{@code
 * "provenance": { "deepbuild": "0.1.0", "dl4j": "1.0.0-M2.1", "nd4j": "1.0.0-M2.1",
 *   "java": "17.0.15", "javaVendor": "Debian", "os": "Linux 6.1.0", "arch": "amd64",
 *   "ompNumThreads": "1", "backend": "CPU, OPENBLAS", "dataType": "FLOAT", "seed": 42,
 *   "data": "sha256:...", "fingerprint": { "batchSize": "16", ..., "seed": "42" } }
 * }</pre>
 *
 * {@code ompNumThreads} and {@code data} are left out when unknown.
 */
final class ProvenanceJson {
  private ProvenanceJson() {}

  static void put(ObjectNode node, Provenance provenance) {
    node.put("deepbuild", provenance.deepbuildVersion());
    node.put("dl4j", provenance.dl4jVersion());
    node.put("nd4j", provenance.nd4jVersion());
    node.put("java", provenance.javaVersion());
    node.put("javaVendor", provenance.javaVendor());
    node.put("os", provenance.os());
    node.put("arch", provenance.arch());
    if (provenance.ompNumThreads() != null) {
      node.put("ompNumThreads", provenance.ompNumThreads());
    }
    node.put("backend", provenance.backend());
    node.put("dataType", provenance.dataType());
    node.put("seed", provenance.seed());
    if (provenance.dataDigest() != null) {
      node.put("data", provenance.dataDigest());
    }
    ObjectNode fingerprint = node.putObject("fingerprint");
    provenance.fingerprint().forEach(fingerprint::put);
  }

  static Provenance read(JsonNode node) throws IOException {
    Map<String, String> fingerprint = new TreeMap<>();
    Iterator<Map.Entry<String, JsonNode>> components = field(node, "fingerprint").fields();
    while (components.hasNext()) {
      Map.Entry<String, JsonNode> component = components.next();
      fingerprint.put(component.getKey(), string(component.getValue(), component.getKey()));
    }
    return new Provenance(text(node, "deepbuild"), text(node, "dl4j"), text(node, "nd4j"),
        text(node, "java"), text(node, "javaVendor"), text(node, "os"), text(node, "arch"),
        node.hasNonNull("ompNumThreads") ? text(node, "ompNumThreads") : null,
        text(node, "backend"), text(node, "dataType"), seed(node),
        node.hasNonNull("data") ? text(node, "data") : null, fingerprint);
  }

  private static long seed(JsonNode node) throws IOException {
    JsonNode seed = field(node, "seed");
    if (!seed.canConvertToLong()) {
      throw new IOException("the provenance's seed is not a whole number: " + seed);
    }
    return seed.longValue();
  }

  private static String text(JsonNode node, String name) throws IOException {
    return string(field(node, name), name);
  }

  private static String string(JsonNode value, String name) throws IOException {
    if (!value.isTextual()) {
      throw new IOException("the provenance's \"" + name + "\" is not a string: " + value);
    }
    return value.asText();
  }

  private static JsonNode field(JsonNode node, String name) throws IOException {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new IOException("missing \"" + name + "\" in the provenance");
    }
    return value;
  }
}

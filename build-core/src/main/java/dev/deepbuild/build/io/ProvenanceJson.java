package dev.deepbuild.build.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepbuild.build.result.Execution;
import dev.deepbuild.build.result.MemoryUse;
import dev.deepbuild.build.result.Provenance;
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
 *   "data": "sha256:...", "fingerprint": { "batchSize": "16", ..., "seed": "42" },
 *   "execution": { "backend": "CPU", "backendClass": "org.nd4j.linalg.cpu.nativecpu.CpuBackend",
 *     "executioner": "NativeOpExecutioner", "device": "Intel(R) Xeon(R) ..., 2 cores",
 *     "threads": 1, "workers": 1, "reproducibility": "..." },
 *   "memory": { "heapPeakBytes": 812000000, "heapMaxBytes": 4294967296,
 *     "residentPeakBytes": 2900000000, "residentPeakPerModel": true,
 *     "nativeLimitBytes": 8589934592, "nativePeakBytes": 610000000,
 *     "residentStartBytes": 420000000, "collections": 3 } }
 * }</pre>
 *
 * {@code ompNumThreads}, {@code data} and {@code memory} are left out when unknown, and so is
 * {@code residentPeakBytes}, {@code nativePeakBytes} and {@code residentStartBytes} where the
 * operating system does not tell them; {@code execution}, {@code nativePeakBytes}, {@code
 * residentStartBytes} and {@code collections} in files written before they were recorded.
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
    if (provenance.execution() != null) {
      Execution execution = provenance.execution();
      node.putObject("execution")
          .put("backend", execution.backend())
          .put("backendClass", execution.backendClass())
          .put("executioner", execution.executioner())
          .put("device", execution.device())
          .put("threads", execution.threads())
          .put("workers", execution.workers())
          .put("reproducibility", execution.reproducibility());
    }
    if (provenance.memory() != null) {
      putMemory(node.putObject("memory"), provenance.memory());
    }
  }

  private static void putMemory(ObjectNode node, MemoryUse memory) {
    node.put("heapPeakBytes", memory.heapPeak());
    node.put("heapMaxBytes", memory.heapMax());
    if (memory.residentKnown()) {
      node.put("residentPeakBytes", memory.residentPeak());
      node.put("residentPeakPerModel", memory.residentPeakPerModel());
    }
    node.put("nativeLimitBytes", memory.nativeLimit());
    if (memory.nativeKnown()) {
      node.put("nativePeakBytes", memory.nativePeak());
    }
    if (memory.residentStartKnown()) {
      node.put("residentStartBytes", memory.residentStart());
    }
    if (memory.collectionsKnown()) {
      node.put("collections", memory.collections());
    }
  }

  private static MemoryUse readMemory(JsonNode node) throws IOException {
    boolean resident = node.hasNonNull("residentPeakBytes");
    return new MemoryUse(bytes(node, "heapPeakBytes"), bytes(node, "heapMaxBytes"),
        resident ? bytes(node, "residentPeakBytes") : -1,
        resident && field(node, "residentPeakPerModel").asBoolean(),
        bytes(node, "nativeLimitBytes"), optionalBytes(node, "nativePeakBytes"),
        optionalBytes(node, "residentStartBytes"),
        Math.toIntExact(optionalBytes(node, "collections")));
  }

  /** A figure that older reports lack: -1 when absent. */
  private static long optionalBytes(JsonNode node, String name) throws IOException {
    return node.hasNonNull(name) ? bytes(node, name) : -1;
  }

  private static long bytes(JsonNode node, String name) throws IOException {
    JsonNode value = field(node, name);
    if (!value.canConvertToLong()) {
      throw new IOException("the provenance's memory \"" + name + "\" is not a whole number: "
          + value);
    }
    return value.longValue();
  }

  private static Execution execution(JsonNode node) throws IOException {
    JsonNode execution = node.get("execution");
    if (execution == null || execution.isNull()) {
      return null;
    }
    return new Execution(text(execution, "backend"), text(execution, "backendClass"),
        text(execution, "executioner"), text(execution, "device"), count(execution, "threads"),
        count(execution, "workers"));
  }

  private static int count(JsonNode node, String name) throws IOException {
    JsonNode value = field(node, name);
    if (!value.canConvertToInt()) {
      throw new IOException("the provenance's \"" + name + "\" is not a whole number: " + value);
    }
    return value.intValue();
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
        node.hasNonNull("data") ? text(node, "data") : null, fingerprint, execution(node),
        node.hasNonNull("memory") ? readMemory(node.get("memory")) : null);
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

package dev.deepbuild.build.io;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.gate.AcceptedMetrics;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accepted metrics file that {@code dl:accept} writes and the build commits:
 *
 * <pre>{@code
 * {
 *   "format" : 1,
 *   "models" : {
 *     "iris" : {
 *       "metrics" : { "test" : { "loss" : 0.0712, "accuracy" : 0.9667, ... }, ... },
 *       "outputs" : { "topic" : { "test" : { ... } } }
 *     }
 *   }
 * }
 * }</pre>
 *
 * Models in name order, splits and metrics in enum order and keyed as in {@code metrics.json}
 * ({@link ReportJson}), outputs (only with several) in the network's order, two-space indents and
 * {@code \n} line ends on every system: the same values give the same bytes, so a change reads as
 * a one-line diff. Numbers are Java's shortest round-trip form, so a reread value compares equal.
 */
public final class AcceptedMetricsJson {
  static final int FORMAT = 1;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final DefaultPrettyPrinter PRINTER = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  private AcceptedMetricsJson() {}

  /**
   * The values in {@code file}, or none when it does not exist yet.
   *
   * @param source how messages name the file, such as its path from the project's directory
   * @throws IOException naming the file when it exists but is not an accepted metrics file
   */
  public static AcceptedMetrics read(Path file, String source) throws IOException {
    if (!Files.exists(file)) {
      return AcceptedMetrics.none(source);
    }
    try {
      return fromJson(Files.readString(file), source);
    } catch (IOException | RuntimeException e) {
      throw new IOException("cannot read the accepted metrics " + source + ": " + e.getMessage()
          + "; correct it, or delete it and run mvn dl:accept to write it again", e);
    }
  }

  /** Writes {@code accepted} to {@code file} atomically. */
  public static void write(AcceptedMetrics accepted, Path file) throws IOException {
    String json = toJson(accepted);
    AtomicFiles.write(file, temporary -> Files.writeString(temporary, json));
  }

  public static String toJson(AcceptedMetrics accepted) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("format", FORMAT);
    ObjectNode models = root.putObject("models");
    accepted.models().forEach((model, outputs) -> {
      ObjectNode node = models.putObject(model);
      ReportJson.putSplits(node.putObject("metrics"),
          outputs.getOrDefault(AcceptedMetrics.MODEL, Map.of()));
      if (outputs.keySet().stream().anyMatch(output -> !output.equals(AcceptedMetrics.MODEL))) {
        ObjectNode byOutput = node.putObject("outputs");
        outputs.forEach((output, metrics) -> {
          if (!output.equals(AcceptedMetrics.MODEL)) {
            ReportJson.putSplits(byOutput.putObject(output), metrics);
          }
        });
      }
    });
    try {
      return MAPPER.writer(PRINTER).writeValueAsString(root) + "\n";
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  public static AcceptedMetrics fromJson(String json, String source) throws IOException {
    JsonNode root = MAPPER.readTree(json);
    if (root == null || !root.isObject()) {
      throw new IOException("not a JSON object");
    }
    int format = Json.integer(root, "format");
    if (format != FORMAT) {
      throw new IOException("format " + format + " is not " + FORMAT
          + ", the one this DeepBuild reads");
    }
    Map<String, Map<String, Map<DataSplit, Map<Metric, Double>>>> models = new LinkedHashMap<>();
    Iterator<Map.Entry<String, JsonNode>> entries = Json.field(root, "models").fields();
    while (entries.hasNext()) {
      Map.Entry<String, JsonNode> entry = entries.next();
      Map<String, Map<DataSplit, Map<Metric, Double>>> outputs = new LinkedHashMap<>();
      outputs.put(AcceptedMetrics.MODEL, ReportJson.readSplits(Json.field(entry.getValue(), "metrics")));
      JsonNode byOutput = entry.getValue().get("outputs");
      if (byOutput != null) {
        Iterator<Map.Entry<String, JsonNode>> each = byOutput.fields();
        while (each.hasNext()) {
          Map.Entry<String, JsonNode> output = each.next();
          outputs.put(output.getKey(), ReportJson.readSplits(output.getValue()));
        }
      }
      models.put(entry.getKey(), outputs);
    }
    return new AcceptedMetrics(source, models);
  }
}

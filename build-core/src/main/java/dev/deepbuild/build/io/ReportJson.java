package dev.deepbuild.build.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.result.ConfusionCounts;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.build.result.ModelReport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A {@link ModelReport} as {@code metrics.json}:
 *
 * <pre>{@code
 * { "model": "iris", "declaringClass": "com.example.IrisClassifier", "task": "CLASSIFICATION",
 *   "seed": 42, "trainingSeconds": 3.2,
 *   "metrics": { "train": {"loss": 0.1, "accuracy": 0.97, ...}, "validation": {...}, "test": {...} },
 *   "history": [ {"epoch": 1, "train": {"loss": ..., ...}, "validation": {...}}, ... ],
 *   "provenance": {...}, "baseline": { "train": {"accuracy": 0.34, ...}, ... } }
 * }</pre>
 *
 * A model of several outputs has its total loss under {@code metrics} and each output's metrics
 * and baseline under {@code "outputs": {"topic": {"metrics": {...}, "baseline": {...}}, ...}}, and
 * each epoch likewise {@code "outputs": {"topic": {"train": {...}, "validation": {...}}}}.
 *
 * The provenance, when the report has one, is written as {@link ProvenanceJson} says. A
 * classifier's report also holds its test split's confusion matrix, rows the actual classes:
 * {@code "confusion": {"classes": ["setosa", ...], "counts": [[10, 0, 0], ...]}}.
 *
 * Metric keys are {@link Metric#key()}, split keys the lower-case {@link DataSplit} names, both in
 * enum order; a split without data and an epoch's empty validation are left out. Numbers are written
 * in Java's shortest round-trip form, so reading gives back the same doubles; NaN and infinities,
 * which JSON has no numbers for, are written as the strings {@code "NaN"}, {@code "Infinity"}.
 */
public final class ReportJson {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ReportJson() {}

  /** Writes the report to {@code file} atomically. */
  public static void write(ModelReport report, Path file) throws IOException {
    String json = toJson(report);
    AtomicFiles.write(file, temporary -> Files.writeString(temporary, json));
  }

  /** Reads a report written by {@link #write}; a file of another shape is an {@link IOException}. */
  public static ModelReport read(Path file) throws IOException {
    try {
      return fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new IOException("cannot read the model report " + file + ": " + e.getMessage(), e);
    }
  }

  public static String toJson(ModelReport report) {
    ObjectNode root = MAPPER.createObjectNode();
    root.put("model", report.model());
    root.put("declaringClass", report.declaringClass());
    root.put("task", report.task().name());
    root.put("seed", report.seed());
    root.put("trainingSeconds", report.trainingSeconds());
    putSplits(root.putObject("metrics"), report.metrics());
    ArrayNode history = root.putArray("history");
    for (EpochRecord record : report.history()) {
      ObjectNode epoch = history.addObject();
      epoch.put("epoch", record.epoch());
      putMetrics(epoch.putObject(key(DataSplit.TRAIN)), record.training());
      if (!record.validation().isEmpty()) {
        putMetrics(epoch.putObject(key(DataSplit.VALIDATION)), record.validation());
      }
      if (!record.trainingOutputs().isEmpty()) {
        ObjectNode outputs = epoch.putObject("outputs");
        for (String output : record.trainingOutputs().keySet()) {
          ObjectNode node = outputs.putObject(output);
          putMetrics(node.putObject(key(DataSplit.TRAIN)), record.trainingOutputs().get(output));
          Map<Metric, Double> validation = record.validationOutputs().get(output);
          if (validation != null) {
            putMetrics(node.putObject(key(DataSplit.VALIDATION)), validation);
          }
        }
      }
    }
    if (report.kFold() != null) {
      putKFold(root.putObject("kFold"), report.kFold());
    }
    if (report.confusion() != null) {
      putConfusion(root.putObject("confusion"), report.confusion());
    }
    if (report.provenance() != null) {
      ProvenanceJson.put(root.putObject("provenance"), report.provenance());
    }
    if (!report.baseline().isEmpty()) {
      putSplits(root.putObject("baseline"), report.baseline());
    }
    if (!report.outputs().isEmpty()) {
      ObjectNode outputs = root.putObject("outputs");
      for (String output : report.outputs().keySet()) {
        ObjectNode node = outputs.putObject(output);
        putSplits(node.putObject("metrics"), report.outputs().get(output));
        Map<DataSplit, Map<Metric, Double>> baseline = report.outputBaselines().get(output);
        if (baseline != null) {
          putSplits(node.putObject("baseline"), baseline);
        }
      }
    }
    try {
      return MAPPER.writeValueAsString(root) + System.lineSeparator();
    } catch (IOException e) {
      throw new IllegalStateException("a JSON tree could not be written", e);
    }
  }

  public static ModelReport fromJson(String json) throws IOException {
    JsonNode root = MAPPER.readTree(json);
    Map<DataSplit, Map<Metric, Double>> metrics = readSplits(field(root, "metrics"));
    List<EpochRecord> history = new ArrayList<>();
    for (JsonNode epoch : field(root, "history")) {
      JsonNode validation = epoch.get(key(DataSplit.VALIDATION));
      Map<String, Map<Metric, Double>> trainingOutputs = new LinkedHashMap<>();
      Map<String, Map<Metric, Double>> validationOutputs = new LinkedHashMap<>();
      for (Map.Entry<String, JsonNode> output : entries(epoch.path("outputs"))) {
        trainingOutputs.put(output.getKey(), readMetrics(field(output.getValue(), key(DataSplit.TRAIN))));
        JsonNode outputValidation = output.getValue().get(key(DataSplit.VALIDATION));
        if (outputValidation != null) {
          validationOutputs.put(output.getKey(), readMetrics(outputValidation));
        }
      }
      history.add(new EpochRecord(field(epoch, "epoch").asInt(),
          readMetrics(field(epoch, key(DataSplit.TRAIN))),
          validation == null ? Map.of() : readMetrics(validation), trainingOutputs,
          validationOutputs));
    }
    Map<String, Map<DataSplit, Map<Metric, Double>>> outputs = new LinkedHashMap<>();
    Map<String, Map<DataSplit, Map<Metric, Double>>> outputBaselines = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> output : entries(root.path("outputs"))) {
      outputs.put(output.getKey(), readSplits(field(output.getValue(), "metrics")));
      JsonNode baseline = output.getValue().get("baseline");
      if (baseline != null) {
        outputBaselines.put(output.getKey(), readSplits(baseline));
      }
    }
    try {
      return new ModelReport(field(root, "model").asText(), field(root, "declaringClass").asText(),
          Task.valueOf(field(root, "task").asText()), field(root, "seed").asLong(), metrics, history,
          number(field(root, "trainingSeconds")),
          root.has("kFold") ? readKFold(root.get("kFold")) : null,
          root.has("confusion") ? readConfusion(root.get("confusion")) : null,
          root.has("provenance") ? ProvenanceJson.read(root.get("provenance")) : null,
          root.has("baseline") ? readSplits(root.get("baseline")) : Map.of(), outputs,
          outputBaselines);
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown task " + root.get("task"), e);
    }
  }

  private static List<Map.Entry<String, JsonNode>> entries(JsonNode node) {
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    node.fields().forEachRemaining(entries::add);
    return entries;
  }

  /**
   * {@code "kFold": {"k": 4, "iterations": 1, "monitored": "mae", "bestEpoch": 87,
   * "finalEpochs": "BEST_MEAN", "finalEpochCount": 87,
   * "curve": [{"epoch": 1, "mean": {...}, "deviation": {...}}, ...], "folds": [{...}, ...]}}.
   */
  private static void putKFold(ObjectNode node, KFoldReport kFold) {
    node.put("k", kFold.k());
    node.put("iterations", kFold.iterations());
    node.put("monitored", kFold.monitored().key());
    node.put("bestEpoch", kFold.bestEpoch());
    node.put("finalEpochs", kFold.finalEpochs().name());
    node.put("finalEpochCount", kFold.finalEpochCount());
    ArrayNode curve = node.putArray("curve");
    for (KFoldReport.EpochStatistics epoch : kFold.curve()) {
      ObjectNode entry = curve.addObject();
      entry.put("epoch", epoch.epoch());
      putMetrics(entry.putObject("mean"), epoch.mean());
      putMetrics(entry.putObject("deviation"), epoch.deviation());
    }
    ArrayNode folds = node.putArray("folds");
    for (Map<Metric, Double> fold : kFold.folds()) {
      putMetrics(folds.addObject(), fold);
    }
  }

  private static KFoldReport readKFold(JsonNode node) throws IOException {
    List<KFoldReport.EpochStatistics> curve = new ArrayList<>();
    for (JsonNode epoch : field(node, "curve")) {
      curve.add(new KFoldReport.EpochStatistics(field(epoch, "epoch").asInt(),
          readMetrics(field(epoch, "mean")), readMetrics(field(epoch, "deviation"))));
    }
    List<Map<Metric, Double>> folds = new ArrayList<>();
    for (JsonNode fold : field(node, "folds")) {
      folds.add(readMetrics(fold));
    }
    // Reports written before finalEpochs existed trained the final model for the spec's epochs.
    FinalEpochs finalEpochs;
    try {
      finalEpochs = FinalEpochs.valueOf(node.path("finalEpochs").asText(FinalEpochs.DECLARED.name()));
    } catch (IllegalArgumentException e) {
      throw new IOException("unknown finalEpochs " + node.get("finalEpochs"), e);
    }
    return new KFoldReport(field(node, "k").asInt(), field(node, "iterations").asInt(),
        metric(field(node, "monitored").asText()), field(node, "bestEpoch").asInt(), curve, folds,
        finalEpochs);
  }

  /** {@code "confusion": {"classes": ["setosa", ...], "counts": [[10, 0, 0], ...]}}, rows actual. */
  private static void putConfusion(ObjectNode node, ConfusionCounts confusion) {
    ArrayNode classes = node.putArray("classes");
    confusion.classes().forEach(classes::add);
    ArrayNode counts = node.putArray("counts");
    for (List<Integer> row : confusion.counts()) {
      row.forEach(counts.addArray()::add);
    }
  }

  private static ConfusionCounts readConfusion(JsonNode node) throws IOException {
    List<String> classes = new ArrayList<>();
    for (JsonNode name : field(node, "classes")) {
      classes.add(name.asText());
    }
    List<List<Integer>> counts = new ArrayList<>();
    for (JsonNode row : field(node, "counts")) {
      List<Integer> values = new ArrayList<>();
      for (JsonNode count : row) {
        if (!count.canConvertToInt()) {
          throw new IOException("not a count: " + count);
        }
        values.add(count.intValue());
      }
      counts.add(values);
    }
    try {
      return new ConfusionCounts(classes, counts);
    } catch (IllegalArgumentException e) {
      throw new IOException(e.getMessage(), e);
    }
  }

  /** {@code {"train": {...}, "validation": {...}, "test": {...}}}, splits in enum order. */
  static void putSplits(ObjectNode node, Map<DataSplit, Map<Metric, Double>> bySplit) {
    for (DataSplit split : DataSplit.values()) {
      Map<Metric, Double> values = bySplit.get(split);
      if (values != null) {
        putMetrics(node.putObject(key(split)), values);
      }
    }
  }

  static Map<DataSplit, Map<Metric, Double>> readSplits(JsonNode node) throws IOException {
    Map<DataSplit, Map<Metric, Double>> bySplit = new EnumMap<>(DataSplit.class);
    Iterator<Map.Entry<String, JsonNode>> splits = node.fields();
    while (splits.hasNext()) {
      Map.Entry<String, JsonNode> split = splits.next();
      bySplit.put(split(split.getKey()), readMetrics(split.getValue()));
    }
    return bySplit;
  }

  private static void putMetrics(ObjectNode node, Map<Metric, Double> values) {
    for (Metric metric : Metric.values()) {
      Double value = values.get(metric);
      if (value != null) {
        node.put(metric.key(), value);
      }
    }
  }

  private static Map<Metric, Double> readMetrics(JsonNode node) throws IOException {
    Map<Metric, Double> values = new EnumMap<>(Metric.class);
    Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
    while (fields.hasNext()) {
      Map.Entry<String, JsonNode> field = fields.next();
      values.put(metric(field.getKey()), number(field.getValue()));
    }
    return values;
  }

  private static String key(DataSplit split) {
    return split.name().toLowerCase(Locale.ROOT);
  }

  private static DataSplit split(String key) throws IOException {
    for (DataSplit split : DataSplit.values()) {
      if (key(split).equals(key)) {
        return split;
      }
    }
    throw new IOException("unknown data split \"" + key + "\"");
  }

  private static Metric metric(String key) throws IOException {
    for (Metric metric : Metric.values()) {
      if (metric.key().equals(key)) {
        return metric;
      }
    }
    throw new IOException("unknown metric \"" + key + "\"");
  }

  private static double number(JsonNode node) throws IOException {
    if (node.isNumber()) {
      return node.doubleValue();
    }
    if (node.isTextual()) {
      switch (node.asText()) {
        case "NaN": return Double.NaN;
        case "Infinity": return Double.POSITIVE_INFINITY;
        case "-Infinity": return Double.NEGATIVE_INFINITY;
        default: break;
      }
    }
    throw new IOException("not a number: " + node);
  }

  private static JsonNode field(JsonNode node, String name) throws IOException {
    JsonNode value = node.get(name);
    if (value == null) {
      throw new IOException("missing \"" + name + "\" in " + abbreviate(node));
    }
    return value;
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}

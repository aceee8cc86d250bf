package dev.deepbuild.runtime.inspect;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.gate.AcceptedMetrics;
import dev.deepbuild.build.gate.CheckOutcome;
import dev.deepbuild.build.gate.Gate;
import dev.deepbuild.build.gate.ThresholdSpec;
import dev.deepbuild.build.result.ModelOutcome;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.runtime.InvalidInputException;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import dev.deepbuild.runtime.eval.SplitEvaluation;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.incremental.IncrementalTraining;
import dev.deepbuild.runtime.model.LocatedModel;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.network.BaseLocations;
import dev.deepbuild.runtime.train.ModelInputs;
import java.io.IOException;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Evaluates one saved model against its thresholds without training it. The test split is rebuilt
 * exactly as training built it ({@link ModelInputs}) and standardized with the saved
 * standardization, so the model is measured on the rows, and gets the metrics, it was tested with;
 * a saved model that is not up to date, by the rule of {@link IncrementalTraining}, is refused.
 * Thresholds on other splits are checked against the values training saved in
 * {@code metrics.json}, and their messages say so.
 */
final class ModelEvaluation {
  private final Path baseDir;
  private final Path outputRoot;
  private final Path evaluationData;
  private final ExamplesReader reader;
  private final IncrementalTraining incremental;
  private final CsvEvaluationData csv;
  private final TrainingLog log;

  /**
   * @param evaluationData a CSV file to evaluate on instead of the test split; null for the split
   */
  ModelEvaluation(Path baseDir, Path outputRoot, Path evaluationData, ClassLoader loader,
      TrainingLog log) {
    this.baseDir = baseDir.toAbsolutePath();
    this.outputRoot = outputRoot;
    this.evaluationData = evaluationData;
    this.reader = new ExamplesReader(baseDir, loader, log);
    this.incremental = new IncrementalTraining(baseDir, outputRoot, loader);
    this.csv = new CsvEvaluationData(baseDir, loader);
    this.log = log;
  }

  /** @throws dev.deepbuild.runtime.InvalidInputException for a missing or stale saved model, or bad data */
  /**
   * @param accepted the accepted metrics that regression tolerances compare with; a test split
   *     other than the model's own is not the one they were accepted on, and has none
   */
  ModelOutcome evaluate(
      ModelDefinition model, List<ThresholdSpec> thresholds, AcceptedMetrics accepted) {
    long start = System.nanoTime();
    ModelSpec spec = model.spec();
    String name = spec.name();
    // Before the data is read: a model that was never trained fails at once.
    SavedModel saved = SavedModel.load(outputRoot, name);
    ModelInputs inputs = ModelInputs.prepare(
        LocatedModel.of(model, new BaseLocations(baseDir, outputRoot)), reader);
    checkUpToDate(model, saved);
    DataType type = saved.net().dataType();
    EvaluationData data = evaluationData == null
        ? EvaluationData.testSplit(inputs, type)
        : csv.read(spec, evaluationData, inputs, type);
    log.info(name + ": evaluating " + shown(saved.file()) + " on " + data.description());
    SplitEvaluation test = MetricsEvaluator.of(spec, saved.net().outputs())
        .evaluateWithConfusion(saved.net(), data.batches(saved.normalizer()),
            inputs.labels().classNames());
    log.info(line(name, (System.nanoTime() - start) / 1e9, test.metrics()));

    ModelReport report = withTest(saved.report(), test);
    List<CheckOutcome> checks = Gate.check(report, thresholds, evaluationData == null
        ? accepted
        : AcceptedMetrics.none(
            "this build, which evaluates on other data than they were accepted on")).stream()
        .map(check -> annotated(check, data))
        .toList();
    return new ModelOutcome(name, report, null, checks);
  }

  /**
   * Refuses a saved model that is not the model as now declared, for the reason incremental
   * training would train it again: after a changed seed, split, data, vectorization or DeepBuild
   * the rebuilt test split may hold rows the saved model learned from, and after a changed network
   * or standardization it is another model.
   */
  private void checkUpToDate(ModelDefinition model, SavedModel saved) {
    String name = model.spec().name();
    Optional<String> reason;
    try {
      reason = incremental.outOfDate(model);
    } catch (IOException e) {
      throw new InvalidInputException(name + ": cannot read the data to compare it with what "
          + shown(saved.file()) + " was trained on (" + e.getMessage() + "). Check the data's"
          + " location.", e);
    }
    reason.ifPresent(why -> {
      throw new InvalidInputException(name + ": cannot evaluate " + shown(saved.file())
          + ", because " + why + ": its test split and features might not be those it was"
          + " trained and tested with. Run mvn dl:train to train the model as declared, then"
          + " dl:evaluate.");
    });
  }

  /** The saved report with the test metrics (and confusion matrix) just measured. */
  private static ModelReport withTest(ModelReport saved, SplitEvaluation test) {
    Map<DataSplit, Map<Metric, Double>> metrics = new EnumMap<>(DataSplit.class);
    metrics.putAll(saved.metrics());
    metrics.put(DataSplit.TEST, test.metrics());
    Map<String, Map<DataSplit, Map<Metric, Double>>> outputs = new LinkedHashMap<>();
    saved.outputs().forEach((output, splits) -> {
      Map<DataSplit, Map<Metric, Double>> measured = new EnumMap<>(DataSplit.class);
      measured.putAll(splits);
      measured.put(DataSplit.TEST, test.evaluation().outputs().get(output));
      outputs.put(output, measured);
    });
    return new ModelReport(saved.model(), saved.declaringClass(), saved.task(), saved.seed(),
        metrics, saved.history(), saved.trainingSeconds(), saved.kFold(), test.confusion(),
        saved.provenance(), saved.baseline(), outputs, saved.outputBaselines());
  }

  /** A check's message saying where its value comes from, unless it is the test split's own. */
  private CheckOutcome annotated(CheckOutcome check, EvaluationData data) {
    String origin = check.threshold().on() != DataSplit.TEST
        ? "; as dl:train measured it (metrics.json)"
        : evaluationData != null ? "; on " + data.description() : "";
    return check.withMessage(check.message() + origin);
  }

  /** The path relative to the project when it is inside it, as a user would type it. */
  private String shown(Path file) {
    Path absolute = file.toAbsolutePath();
    return (absolute.startsWith(baseDir) ? baseDir.relativize(absolute) : absolute).toString();
  }

  /** {@code iris: evaluated in 0.4 s - loss: 0.0812 - accuracy: 0.9667 - ...}, as Keras's evaluate. */
  private static String line(String model, double seconds, Map<Metric, Double> metrics) {
    StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: evaluated in %.1f s",
        model, seconds));
    metrics.forEach((metric, value) ->
        line.append(String.format(Locale.ROOT, " - %s: %.4f", metric.key(), value)));
    return line.toString();
  }
}

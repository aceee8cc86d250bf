package dev.deepbuild.runtime.train;

import dev.deepbuild.annotations.DataSplit;
import dev.deepbuild.annotations.FinalEpochs;
import dev.deepbuild.annotations.Metric;
import dev.deepbuild.annotations.Task;
import dev.deepbuild.build.DeepBuildException;
import dev.deepbuild.build.TrainingLog;
import dev.deepbuild.build.io.ReportJson;
import dev.deepbuild.build.result.EpochRecord;
import dev.deepbuild.build.result.KFoldReport;
import dev.deepbuild.build.result.ModelReport;
import dev.deepbuild.build.result.Provenance;
import dev.deepbuild.runtime.data.EncodedLabels;
import dev.deepbuild.runtime.data.PreparedData;
import dev.deepbuild.runtime.data.SplitIndices;
import dev.deepbuild.runtime.data.Standardization;
import dev.deepbuild.runtime.eval.Baseline;
import dev.deepbuild.runtime.eval.Evaluation;
import dev.deepbuild.runtime.eval.MetricsEvaluator;
import dev.deepbuild.runtime.eval.SplitEvaluation;
import dev.deepbuild.runtime.examples.Examples;
import dev.deepbuild.runtime.examples.ExamplesReader;
import dev.deepbuild.runtime.io.ModelMetadata;
import dev.deepbuild.runtime.model.LocatedModel;
import dev.deepbuild.runtime.model.ModelDefinition;
import dev.deepbuild.runtime.model.ModelSpec;
import dev.deepbuild.runtime.model.OutputSpec;
import dev.deepbuild.runtime.network.BaseLocations;
import dev.deepbuild.runtime.network.NetworkConfiguration;
import dev.deepbuild.runtime.network.TrainableNetwork;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.nd4j.linalg.dataset.api.preprocessor.Normalizer;

/**
 * Trains one model end to end: reads and encodes its data, splits and standardizes it, trains the
 * network, evaluates it on every split and writes {@code <outputRoot>/<name>/model.zip} and
 * {@code metrics.json}.
 */
public final class ModelTrainer {
  private final ExamplesReader reader;
  private final Path outputRoot;
  private final BaseLocations bases;
  private final TrainingLog log;

  /**
   * @param baseDir the project's base directory, against which relative data files are resolved
   * @param outputRoot where each model's output folder is created, {@code target/deepbuild}
   * @param resources the class loader that classpath data is read from
   * @param log where progress lines go
   */
  public ModelTrainer(Path baseDir, Path outputRoot, ClassLoader resources, TrainingLog log) {
    this.reader = new ExamplesReader(baseDir, resources, log);
    this.outputRoot = outputRoot;
    this.bases = new BaseLocations(baseDir, outputRoot);
    this.log = log;
  }

  /** Trains {@code model} without recording its provenance; see {@link #train(ModelDefinition, Provenance)}. */
  public ModelReport train(ModelDefinition model) {
    return train(model, null);
  }

  /**
   * Trains {@code model} and writes its files, each atomically.
   *
   * @param declaredProvenance what the model is trained with, written into its report with the
   *     memory it used; null for none, which no later build takes for up to date
   * @throws dev.deepbuild.runtime.InvalidInputException for data or a network that cannot be trained
   * @throws DeepBuildException when the output cannot be written
   */
  public ModelReport train(ModelDefinition declared, Provenance declaredProvenance) {
    long start = System.nanoTime();
    MemoryPeaks memory = MemoryPeaks.start();
    ModelDefinition model = LocatedModel.of(declared, bases);
    ModelSpec spec = model.spec();
    String name = spec.name();
    Path checkpointFolder = outputRoot.resolve(name).resolve("checkpoints");
    Checkpoints.clear(name, checkpointFolder);

    ModelInputs inputs = ModelInputs.prepare(model, reader);
    NetworkConfiguration conf = inputs.conf();
    EncodedLabels labels = inputs.labels();
    SplitIndices split = inputs.split();
    log.info(describe(spec, inputs.examples(), labels, split) + String.format(Locale.ROOT,
        " (data ready in %.1f s)", (System.nanoTime() - start) / 1e9));

    MetricsEvaluator evaluator = MetricsEvaluator.of(spec, conf.outputs());
    // A model of several outputs has its loss as its one metric; its outputs show their own.
    Metric shown = spec.functional() ? Metric.LOSS : Metric.shown(spec.task());
    KFoldReport kFold = spec.kFold() == null ? null
        : new CrossValidation(model, evaluator, shown, log)
            .run(inputs.examples(), inputs.outputLabels(), split.train());

    ModelSpec fit = finalFit(spec, kFold);

    FastFeatures fitted = FastFeatures.of(spec, conf.create(spec.seed()),
        PreparedData.of(inputs.data(), split, conf.dataType(), spec.standardize()), log);
    PreparedData data = fitted.data();
    TrainableNetwork net = fitted.network();
    if (net.oneDnnLayers() > 0) {
      log.info(name + ": oneDNN computes " + net.oneDnnLayers()
          + " convolution, pooling and batch-normalization layers");
    }
    Optional<ModelMetadata> metadata = Optional.of(inputs.metadata());
    Checkpoints checkpoints = new Checkpoints(name, checkpointFolder, saved(data), metadata);
    TrainingRun run = new EpochLoop(fit, evaluator, shown, log)
        .run(net, data.train(), data.validation(), Optional.of(checkpoints));
    List<EpochRecord> history = run.history();
    CurveDiagnosis.of(name, run).ifPresent(log::info);

    // The kept epoch measured validation with the model's final weights already; its training
    // figures are the minibatches', so the final model is measured on the training split once,
    // in inference mode as on the other splits.
    EpochRecord last = run.kept();
    Evaluation train = evaluator.measure(net, data.train());
    Map<DataSplit, Map<Metric, Double>> metrics = new EnumMap<>(DataSplit.class);
    metrics.put(DataSplit.TRAIN, train.metrics());
    if (!last.validation().isEmpty()) {
      metrics.put(DataSplit.VALIDATION, last.validation());
    }
    SplitEvaluation test = evaluator.evaluateWithConfusion(net, data.test().orElseThrow(),
        labels.classNames());
    metrics.put(DataSplit.TEST, test.metrics());
    if (kFold != null) {
      metrics.putAll(CrossValidation.metrics(kFold));
    }
    Map<String, Map<DataSplit, Map<Metric, Double>>> outputs =
        OutputMetrics.bySplit(train, last, test.evaluation());
    // Measured before writing: the report carries it, and the write adds little.
    Provenance provenance = declaredProvenance == null ? null
        : declaredProvenance.withMemory(memory.measure());
    ModelReport report;
    if (spec.functional()) {
      Map<String, Map<DataSplit, Map<Metric, Double>>> baselines = new LinkedHashMap<>();
      for (int i = 0; i < spec.outputs().size(); i++) {
        OutputSpec output = spec.outputs().get(i);
        Map<DataSplit, Map<Metric, Double>> baseline = baseline(output.task(), data, i);
        baselines.put(output.name(), baseline);
        logBaseline(name + ": " + output.name(), output.task(), baseline,
            outputs.get(output.name()).get(DataSplit.TEST));
      }
      report = new ModelReport(name, spec.declaringClass(), spec.task(), spec.seed(), metrics,
          history, seconds(start), kFold, test.confusion(), provenance, Map.of(), outputs,
          baselines);
    } else {
      Map<DataSplit, Map<Metric, Double>> baseline = baseline(spec.task(), data, 0);
      logBaseline(name, spec.task(), baseline, test.metrics());
      report = new ModelReport(name, spec.declaringClass(), spec.task(), spec.seed(), metrics,
          history, seconds(start), kFold, test.confusion(), provenance, baseline);
    }

    write(name, net, saved(data), metadata, report);
    return report;
  }

  /**
   * The spec the final model trains with: the model's own, or, with {@code @KFold(finalEpochs =
   * BEST_MEAN)}, one that trains for the best mean epoch of the folds.
   */
  private ModelSpec finalFit(ModelSpec spec, KFoldReport kFold) {
    if (kFold == null || kFold.finalEpochs() == FinalEpochs.DECLARED) {
      return spec;
    }
    log.info(String.format(Locale.ROOT, "%s: the final model trains for %d epochs, the best mean"
        + " val_%s of the folds (finalEpochs = %s); the folds trained for %d", spec.name(),
        kFold.finalEpochCount(), kFold.monitored().key(), kFold.finalEpochs(), spec.epochs()));
    return spec.withEpochs(kFold.finalEpochCount());
  }

  /**
   * The baseline of output {@code output}, learned from its training labels, measured on every
   * split the model has.
   */
  private static Map<DataSplit, Map<Metric, Double>> baseline(
      Task task, PreparedData data, int output) {
    Baseline baseline = Baseline.of(task, data.train().labels(output));
    Map<DataSplit, Map<Metric, Double>> metrics = new EnumMap<>(DataSplit.class);
    metrics.put(DataSplit.TRAIN, baseline.evaluate(data.train().labels(output)));
    data.validation().ifPresent(v ->
        metrics.put(DataSplit.VALIDATION, baseline.evaluate(v.labels(output))));
    metrics.put(DataSplit.TEST, baseline.evaluate(data.test().orElseThrow().labels(output)));
    return metrics;
  }

  private void logBaseline(String subject, Task task, Map<DataSplit, Map<Metric, Double>> baseline,
      Map<Metric, Double> test) {
    Metric shown = Metric.shown(task);
    log.info(String.format(Locale.ROOT, "%s: the common-sense baseline (%s) has test %s %.4f; the"
        + " model %.4f", subject, task == Task.CLASSIFICATION ? "the most frequent class"
        : "the mean target", shown.key(), baseline.get(DataSplit.TEST).get(shown),
        test.get(shown)));
  }

  /** The normalizer saved with the model and its checkpoints, when it standardizes. */
  private static Optional<Normalizer<?>> saved(PreparedData data) {
    return data.normalizer().map(Standardization::normalizer);
  }

  private static double seconds(long start) {
    return milliseconds(System.nanoTime() - start) / 1000.0;
  }

  private void write(String name, TrainableNetwork net,
      Optional<? extends Normalizer<?>> normalizer, Optional<ModelMetadata> metadata,
      ModelReport report) {
    Path folder = outputRoot.resolve(name);
    Path modelFile = folder.resolve("model.zip");
    Path metricsFile = folder.resolve("metrics.json");
    try {
      // An old metrics.json goes first and the new one comes last, so that a metrics.json always
      // describes the model.zip beside it, even when writing stops in between.
      Files.deleteIfExists(metricsFile);
      net.save(modelFile, normalizer, metadata);
      ReportJson.write(report, metricsFile);
    } catch (IOException e) {
      throw new DeepBuildException(name + ": cannot write the trained model to " + folder.toAbsolutePath()
          + ": " + e.getMessage() + ". Check that the directory is writable and the disk has space.", e);
    }
    log.info(name + ": wrote " + modelFile + " and " + metricsFile.getFileName());
  }

  /** {@code iris: 150 rows of 4 features from ..., 3 classes; 90 for training, 30 for validation, 30 for test}. */
  private static String describe(
      ModelSpec spec, Examples examples, EncodedLabels labels, SplitIndices split) {
    String classes = labels.classNames().isEmpty() || spec.functional() ? ""
        : ", " + labels.classNames().size() + " classes";
    return spec.name() + ": " + examples.description() + classes + "; " + split.train().length + " for training, "
        + split.validation().length + " for validation, " + split.test().length + " for test";
  }

  private static long milliseconds(long nanos) {
    return Math.round(nanos / 1e6);
  }
}
